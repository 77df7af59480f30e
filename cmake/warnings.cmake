# Warnings as an INTERFACE target that every nvcheck target links. A brace-initialised struct
# that leaves a member out is an error (an Output{...} without its errors once went unnoticed).
add_library(nvcheck_warnings INTERFACE)
target_compile_options(nvcheck_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
                                                  -Werror=missing-field-initializers)
