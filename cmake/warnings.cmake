# Warnings as an INTERFACE target that every nvcheck target links.
add_library(nvcheck_warnings INTERFACE)
target_compile_options(nvcheck_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
