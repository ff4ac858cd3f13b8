# cmake -DCOMPILER=<name> -DPACKAGE=<debian package> -P missing_compiler.cmake
# Stands in for a test whose compiler is not installed: it fails and says what to install.
message(FATAL_ERROR "${COMPILER} was not found; install the Debian package ${PACKAGE} "
                    "(it is listed in tools/debian-packages.txt) and configure again.")
