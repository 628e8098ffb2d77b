#pragma once
// The referat subcommands. Each takes the arguments after its name and returns the exit status
// (0 found/ok, 1 nothing found, 2 error). main.cpp only dispatches.

#include <string>
#include <vector>

namespace referat::cli {

using Args = std::vector<std::string>;

int cmd_parse(const Args& args);
int cmd_ingest(const Args& args);
int cmd_search(const Args& args);
int cmd_export(const Args& args);
int cmd_show(const Args& args);
int cmd_stats(const Args& args);
int cmd_compact(const Args& args);
int cmd_person(const Args& args);
int cmd_persons(const Args& args);
int cmd_appointments(const Args& args);
int cmd_watch(const Args& args);
int cmd_meetings(const Args& args);
int cmd_serve(const Args& args);

}  // namespace referat::cli
