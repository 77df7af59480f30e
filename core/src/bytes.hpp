// Byte comparisons and a key hash for the short names the engine looks up on every call (text
// keys, field names, enumeration values): inline, eight bytes at a time, without a call into the
// C library, whose byte-by-byte memcmp is what the WebAssembly build links.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nvcheck::bytes {

inline std::uint64_t load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

/// Equal bytes.
inline bool same(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 <= n; i += 8)
      if (load8(x + i) != load8(y + i)) return false;
    return load8(x + n - 8) == load8(y + n - 8);  // the last eight (overlapping the loop's last block)
  }
  for (std::size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

/// A hash of a key from its length and its first and last eight bytes (the keys differ there:
/// "reason.counted.window", "error.unknown_value"); short keys byte by byte (FNV-1a).
inline std::uint64_t key_hash(std::string_view k) {
  const std::size_t n = k.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull * (n + 1);
  if (n >= 8) {
    h ^= load8(k.data()) * 0xC2B2AE3D27D4EB4Full;
    h = (h << 31 | h >> 33) * 0x165667B19E3779F9ull;
    h ^= load8(k.data() + n - 8) * 0x27D4EB2F165667C5ull;
    if (n > 16) h ^= load8(k.data() + n / 2 - 4) * 0x85EBCA77C2B2AE63ull;  // the middle: long keys share both ends less often
  } else {
    for (unsigned char c : k) h = (h ^ c) * 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

}  // namespace nvcheck::bytes
