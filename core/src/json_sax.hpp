// A strict JSON reader (RFC 8259) that feeds a SAX handler with nlohmann_json's method names,
// without building anything: the enterprise file is read once, straight into typed records.
// It accepts exactly what nlohmann_json's strict parser accepts (a leading UTF-8 BOM included),
// which the differential tests in tests/unit/test_hostile.cpp check on random input.
#pragma once
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace nvcheck::json_sax {

enum class Status { ok, stopped, syntax_error };

struct Outcome {
  Status status = Status::ok;
  std::size_t position = 0;  // 1-based byte position of a syntax error
};

namespace detail {

// One test for the four whitespace bytes (space, \n, \r, \t): a bit of a 64-bit mask.
inline bool is_ws(unsigned char c) {
  constexpr std::uint64_t kWs = (1ull << ' ') | (1ull << '\n') | (1ull << '\r') | (1ull << '\t');
  return c <= ' ' && ((kWs >> c) & 1u);
}

/// Byte classes inside a string: 0 plain ASCII, 1 quote, 2 backslash, 3 control (error),
/// 4 two-byte lead, 5 E0, 6 E1-EC/EE-EF, 7 ED, 8 F0, 9 F1-F3, 10 F4, 11 never valid.
struct StringClasses {
  unsigned char c[256];
  constexpr StringClasses() : c() {
    for (int i = 0; i < 256; ++i) {
      unsigned char k = 11;
      if (i < 0x20) k = 3;
      else if (i == '"') k = 1;
      else if (i == '\\') k = 2;
      else if (i < 0x80) k = 0;
      else if (i >= 0xC2 && i <= 0xDF) k = 4;
      else if (i == 0xE0) k = 5;
      else if (i == 0xED) k = 7;
      else if (i >= 0xE1 && i <= 0xEF) k = 6;
      else if (i == 0xF0) k = 8;
      else if (i >= 0xF1 && i <= 0xF3) k = 9;
      else if (i == 0xF4) k = 10;
      c[i] = k;
    }
  }
};
inline constexpr StringClasses kStringClasses{};
inline bool cont(unsigned char b) { return (b & 0xC0) == 0x80; }

inline int hex(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline void put_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace detail

/// Reads `text` and calls the handler: null(), boolean(b), number_integer(i) /
/// number_unsigned(u) / number_float(d, text), string(s), key(s), start_object(n),
/// end_object(), start_array(n), end_array(). A handler returning false stops the read.
/// string and key get a std::string_view valid only during the call (into `text` when the
/// string has no escape sequence).
template <class Handler>
Outcome parse(std::string_view text, Handler& h) {
  using detail::is_ws;
  const unsigned char* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = begin + text.size();
  const unsigned char* p = begin;
  std::string buf;
  std::vector<char> stack;  // 'o' object, 'a' array
  auto fail = [&](const unsigned char* at) { return Outcome{Status::syntax_error, static_cast<std::size_t>(at - begin) + 1}; };
  const Outcome stopped{Status::stopped, 0};

  if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) p += 3;

  // Reads a string body after its opening quote; returns false on error (p at fault). The value
  // is `str`: a view of the text itself when the string has no escape (no copy), else of buf.
  std::string_view str;
  bool escaped = false;
  auto read_string = [&]() -> bool {
    escaped = false;
    // Local copies: `p` and `end` are the caller's, and writes to `buf` may alias them, so the
    // compiler would store and reload them on every byte (in WebAssembly, in linear memory).
    const unsigned char* q = p;
    const unsigned char* const stop = end;
    const unsigned char* const first = q;
    const unsigned char* run = q;
    const unsigned char* const cls = detail::kStringClasses.c;
    while (true) {
      // Plain ASCII, eight bytes at a time while none is a quote, a backslash, a control
      // character or a byte of a multi-byte sequence; then byte by byte.
      while (stop - q >= 8) {
        std::uint64_t x;
        std::memcpy(&x, q, 8);
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        const std::uint64_t qm = x ^ (ones * '"'), b = x ^ (ones * '\\');
        const std::uint64_t m = (((x - ones * 0x20) & ~x) | ((qm - ones) & ~qm) | ((b - ones) & ~b) | x) & highs;
        if (m) {  // the lowest flagged byte is the first that is not plain (a borrow only runs upwards)
          q += static_cast<unsigned>(__builtin_ctzll(m)) >> 3;
          break;
        }
        q += 8;
      }
      while (q < stop && cls[*q] == 0) ++q;
      // The closing quote of a string without escapes (most keys and values, a few bytes long):
      // done at once, without looking for a run of three-byte sequences first.
      if (q < stop && *q == '"' && !escaped) {
        str = std::string_view(reinterpret_cast<const char*>(first), static_cast<std::size_t>(q - first));
        p = q + 1;
        return true;
      }
      // Runs of three-byte sequences that need no more check than their continuation bytes
      // (E1-EC, EE-EF leads: most CJK text), without going through the switch for each: one
      // four-byte load checks a lead and its two continuation bytes (little-endian, as the
      // eight-byte scan above; the last sequence before the end goes through the switch).
      while (stop - q >= 4) {
        std::uint32_t w;
        std::memcpy(&w, q, 4);
        if ((w & 0x00C0C0F0u) != 0x008080E0u) break;
        const std::uint32_t lead = w & 0xFFu;
        if (lead == 0xE0u || lead == 0xEDu) break;
        q += 3;
      }
      if (q >= stop) { p = q; return false; }
      if (cls[*q] == 0) continue;  // ASCII again after such a run
      switch (cls[*q]) {
        case 1:  // the closing quote
          if (escaped) {
            buf.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(q - run));
            str = buf;
          } else {
            str = std::string_view(reinterpret_cast<const char*>(first), static_cast<std::size_t>(q - first));
          }
          p = q + 1;
          return true;
        case 2: break;  // an escape, below
        case 4:
          if (stop - q < 2 || !detail::cont(q[1])) { p = q; return false; }
          q += 2;
          continue;
        case 5: case 6: case 7:
          if (stop - q < 3 || !detail::cont(q[1]) || !detail::cont(q[2])) { p = q; return false; }
          if (*q == 0xE0 && q[1] < 0xA0) { p = q; return false; }  // overlong
          if (*q == 0xED && q[1] > 0x9F) { p = q; return false; }  // UTF-16 surrogates
          q += 3;
          continue;
        case 8: case 9: case 10:
          if (stop - q < 4 || !detail::cont(q[1]) || !detail::cont(q[2]) || !detail::cont(q[3])) { p = q; return false; }
          if (*q == 0xF0 && q[1] < 0x90) { p = q; return false; }  // overlong
          if (*q == 0xF4 && q[1] > 0x8F) { p = q; return false; }  // above U+10FFFF
          q += 4;
          continue;
        default: { p = q; return false; }  // a control character or a byte that never starts UTF-8
      }
      {
        if (!escaped) {
          escaped = true;
          buf.clear();
        }
        buf.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(q - run));
        ++q;
        if (q >= stop) { p = q; return false; }
        switch (*q) {
          case '"': buf += '"'; break;
          case '\\': buf += '\\'; break;
          case '/': buf += '/'; break;
          case 'b': buf += '\b'; break;
          case 'f': buf += '\f'; break;
          case 'n': buf += '\n'; break;
          case 'r': buf += '\r'; break;
          case 't': buf += '\t'; break;
          case 'u': {
            auto read4 = [&](std::uint32_t& v) {
              if (stop - q < 5) return false;
              v = 0;
              for (int i = 1; i <= 4; ++i) {
                const int d = detail::hex(q[i]);
                if (d < 0) return false;
                v = v * 16 + static_cast<std::uint32_t>(d);
              }
              q += 4;
              return true;
            };
            std::uint32_t cp;
            if (!read4(cp)) { p = q; return false; }
            if (cp >= 0xDC00 && cp <= 0xDFFF) { p = q; return false; }  // a lone low surrogate
            if (cp >= 0xD800 && cp <= 0xDBFF) {                // needs its low surrogate
              if (stop - q < 3 || q[1] != '\\' || q[2] != 'u') { p = q; return false; }
              q += 2;
              std::uint32_t lo;
              if (!read4(lo) || lo < 0xDC00 || lo > 0xDFFF) { p = q; return false; }
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            detail::put_utf8(buf, cp);
            break;
          }
          default: { p = q; return false; }
        }
        ++q;
        run = q;
      }
    }
  };

  // Reads a number starting at p; calls the handler.
  auto read_number = [&](bool& keep_going) -> bool {
    const unsigned char* start = p;
    bool negative = false, is_float = false;
    if (*p == '-') { negative = true; ++p; }
    if (p >= end) return false;
    if (*p == '0') {
      ++p;
    } else if (*p >= '1' && *p <= '9') {
      while (p < end && *p >= '0' && *p <= '9') ++p;
    } else {
      return false;
    }
    if (p < end && *p == '.') {
      is_float = true;
      ++p;
      if (p >= end || *p < '0' || *p > '9') return false;
      while (p < end && *p >= '0' && *p <= '9') ++p;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
      is_float = true;
      ++p;
      if (p < end && (*p == '+' || *p == '-')) ++p;
      if (p >= end || *p < '0' || *p > '9') return false;
      while (p < end && *p >= '0' && *p <= '9') ++p;
    }
    const std::string token(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p - start));
    if (!is_float) {  // as nlohmann_json: an integer that does not fit becomes a float
      errno = 0;
      char* stop = nullptr;
      if (negative) {
        const long long v = std::strtoll(token.c_str(), &stop, 10);
        if (errno == 0) { keep_going = h.number_integer(v); return true; }
      } else {
        const unsigned long long v = std::strtoull(token.c_str(), &stop, 10);
        if (errno == 0) { keep_going = h.number_unsigned(v); return true; }
      }
    }
    const double d = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(d)) { p = start + token.size(); return false; }  // number overflow
    keep_going = h.number_float(d, token);
    return true;
  };

  auto skip_ws = [&]() { while (p < end && is_ws(*p)) ++p; };

  // Reads `"key" :` of an object member, p at its opening quote: 0 done, 1 syntax error at p,
  // 2 the handler stopped.
  auto read_member_key = [&]() -> int {
    if (p >= end || *p != '"') return 1;
    ++p;
    if (!read_string()) return 1;
    if (!h.key(str)) return 2;
    skip_ws();
    if (p >= end || *p != ':') return 1;
    ++p;
    skip_ws();
    return 0;
  };

  // The grammar as a loop: expect a value, then after it a separator or a closer.
  skip_ws();
  while (true) {
    // --- a value ---
    if (p >= end) return fail(p);
    bool go = true;
    switch (*p) {
      case '{':
        ++p;
        if (!h.start_object(static_cast<std::size_t>(-1))) return stopped;
        skip_ws();
        if (p < end && *p == '}') {
          ++p;
          if (!h.end_object()) return stopped;
          break;
        }
        stack.push_back('o');
        if (const int k = read_member_key()) return k == 2 ? stopped : fail(p);
        continue;  // the member's value
      case '[':
        ++p;
        if (!h.start_array(static_cast<std::size_t>(-1))) return stopped;
        skip_ws();
        if (p < end && *p == ']') {
          ++p;
          if (!h.end_array()) return stopped;
          break;
        }
        stack.push_back('a');
        continue;  // the first element
      case '"':
        ++p;
        if (!read_string()) return fail(p);
        go = h.string(str);
        break;
      case 't':
        if (end - p < 4 || std::string_view(reinterpret_cast<const char*>(p), 4) != "true") return fail(p);
        p += 4;
        go = h.boolean(true);
        break;
      case 'f':
        if (end - p < 5 || std::string_view(reinterpret_cast<const char*>(p), 5) != "false") return fail(p);
        p += 5;
        go = h.boolean(false);
        break;
      case 'n':
        if (end - p < 4 || std::string_view(reinterpret_cast<const char*>(p), 4) != "null") return fail(p);
        p += 4;
        go = h.null();
        break;
      default:
        if (*p == '-' || (*p >= '0' && *p <= '9')) {
          if (!read_number(go)) return fail(p);
          break;
        }
        return fail(p);
    }
    if (!go) return stopped;
    // --- after a value: close containers or move to the next member / element ---
    while (true) {
      skip_ws();
      if (stack.empty()) {
        if (p != end) return fail(p);  // trailing text or a second document
        return Outcome{};
      }
      if (p >= end) return fail(p);
      if (*p == ',') {
        ++p;
        skip_ws();
        if (stack.back() == 'o')
          if (const int k = read_member_key()) return k == 2 ? stopped : fail(p);
        break;  // the next value
      }
      if (*p == (stack.back() == 'o' ? '}' : ']')) {
        ++p;
        const bool ok = stack.back() == 'o' ? h.end_object() : h.end_array();
        stack.pop_back();
        if (!ok) return stopped;
        continue;
      }
      return fail(p);
    }
  }
}

}  // namespace nvcheck::json_sax
