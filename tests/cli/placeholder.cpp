// CLI tests are added to this folder.
