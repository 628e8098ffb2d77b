// Query tests are added to this folder.
