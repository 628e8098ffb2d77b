namespace referat::query {}
