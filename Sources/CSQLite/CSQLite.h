// The system SQLite (Debian's libsqlite3-dev, pkg-config sqlite3) for the sqlite writer.
#include <sqlite3.h>
