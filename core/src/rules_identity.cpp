// The digest of a rule set (nvcheck/rules_identity.hpp). The built-in set's digest is written at
// build time by cmake/write_rules_cpp.cmake from the same files the engine embeds, with the same
// recipe (CMake's file(SHA256) of each file, then string(SHA256) of those lines).
#include "nvcheck/rules_identity.hpp"

#include "sha256.hpp"

namespace nvcheck {

std::string rules_digest(std::string_view standard_json, const std::vector<std::string_view>& text_jsons) {
  std::string lines = sha256_hex(standard_json) + "\n";
  for (std::string_view t : text_jsons) lines += sha256_hex(t) + "\n";
  return sha256_hex(lines);
}

}  // namespace nvcheck
