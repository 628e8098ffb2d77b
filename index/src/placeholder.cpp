namespace referat::index {}
