// SHA-256 (FIPS 180-4), for the content digest of a rule set (rules_identity.cpp).
#pragma once
#include <string>
#include <string_view>

namespace nvcheck {
/// The SHA-256 of `bytes`, as 64 lower-case hexadecimal digits.
std::string sha256_hex(std::string_view bytes);
}  // namespace nvcheck
