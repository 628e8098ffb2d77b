// Stand-ins for subcommands whose sources are not in this checkout yet (see CMakeLists.txt).

#include <referat/ingest/error.hpp>

#include "commands.hpp"

namespace referat::cli {

#ifdef REFERAT_PENDING_SEARCH
int cmd_search(const Args&) { throw Error("search is not available in this build"); }
#endif
#ifdef REFERAT_PENDING_EXPORT
int cmd_export(const Args&) { throw Error("export is not available in this build"); }
#endif

}  // namespace referat::cli
