// Reads an enterprise file straight into typed records with nlohmann_json's SAX interface:
// one pass, no JSON tree, every input error with its JSON pointer.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "bytes.hpp"
#include "json_sax.hpp"
#include "nvcheck/enterprise.hpp"

namespace nvcheck {
namespace {

using json = nlohmann::json;

// A record list's fields are the rule data's (Rules::lists: kind, role, enumeration, appendix,
// required), resolved when the rules load; a key is found through ListDef::find.

// Fields of the fixed objects. Index = bit in the frame's `seen` mask.
enum class Ctx : std::uint8_t { Root, Top, Enterprise, Application, PreviousArr, Previous, Certification,
                                Records, ListArr, Record, Skip };

const std::vector<std::string_view>& object_keys(Ctx c) {
  static const std::vector<std::string_view> kTop = {"schema", "enterprise", "application", "certification", "records"};
  static const std::vector<std::string_view> kEnterprise = {
      "name", "id_code", "region", "division_code", "legal_representative", "address",
      "incorporated_on", "enterprise_type", "business_scope", "registration_status"};
  static const std::vector<std::string_view> kApplication = {"date", "previous"};
  static const std::vector<std::string_view> kPrevious = {"result_on", "outcome", "false_information"};
  static const std::vector<std::string_view> kCertification = {"first_passed_on", "last_review_on", "institution"};
  static const std::vector<std::string_view> kNone = {};
  switch (c) {
    case Ctx::Top: return kTop;
    case Ctx::Enterprise: return kEnterprise;
    case Ctx::Application: return kApplication;
    case Ctx::Previous: return kPrevious;
    case Ctx::Certification: return kCertification;
    default: return kNone;
  }
}

struct Frame {
  Frame(Ctx c, bool array) : ctx(c), is_array(array) {}
  Ctx ctx;
  bool is_array;
  int list = -1;           // ListArr / Record
  bool has_unknown = false;  // object: an unknown key was seen (Reader::unknown_ holds them)
  int field = -1;          // object: index of the current key among the known fields (-1: unknown)
  std::size_t index = 0;   // array: index of the next element
  std::uint32_t seen = 0;  // object: known fields seen
  std::size_t count = 0;   // ListArr / PreviousArr: elements
};

enum class VK : std::uint8_t { Null, Bool, Number, String };

using bytes::same;  // equal bytes, inline for the short names compared here (no call to memcmp)

class Reader {
 public:
  Reader(const Rules& rules, const Limits& limits, ParsedEnterprise& out)
      : rules_(rules), limits_(limits), out_(out) {}

  // --- SAX interface -------------------------------------------------------------------------
  bool null() { return scalar(VK::Null, false, nullptr); }
  bool boolean(bool v) { return scalar(VK::Bool, v, nullptr); }
  bool number_integer(json::number_integer_t) { return scalar(VK::Number, false, nullptr); }
  bool number_unsigned(json::number_unsigned_t) { return scalar(VK::Number, false, nullptr); }
  bool number_float(json::number_float_t, const std::string&) { return scalar(VK::Number, false, nullptr); }
  bool string(std::string_view v) { return scalar(VK::String, false, &v); }
  bool binary(json::binary_t&) { return scalar(VK::Number, false, nullptr); }
  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string_view k) {
    Frame& f = stack_.back();
    if (k.size() > limits_.max_string_bytes) {
      error(path() + "/" + escape(k.substr(0, 64)), "string_too_long");
      return stop();
    }
    const int previous = f.field;
    f.field = -1;
    const std::string_view kv(k);
    if (f.ctx == Ctx::Record) {
      f.field = rules_.lists[static_cast<std::size_t>(f.list)].find_after(previous, kv);
    } else if (f.ctx == Ctx::Records) {
      for (int i = 0; i < kListCount; ++i)
        if (same(kv, kListNames[static_cast<std::size_t>(i)])) { f.field = i; break; }
    } else {
      const auto& ks = object_keys(f.ctx);
      for (std::size_t i = 0; i < ks.size(); ++i)
        if (same(kv, ks[i])) { f.field = static_cast<int>(i); break; }
    }
    bool dup = false;
    if (f.field >= 0) {  // known keys are named by their descriptor (see key_of())
      const std::uint32_t bit = 1u << f.field;
      dup = (f.seen & bit) != 0;
      f.seen |= bit;
    } else {
      const std::size_t depth = stack_.size() - 1;
      if (unknown_.size() <= depth) unknown_.resize(depth + 1);
      UnknownKeys& u = unknown_[depth];
      if (!f.has_unknown) u.seen.clear();  // left by an earlier object at this depth
      f.has_unknown = true;
      u.current.assign(k);
      dup = std::find(u.seen.begin(), u.seen.end(), k) != u.seen.end();
      if (!dup) u.seen.emplace_back(k);
    }
    if (dup) {
      error(path(), "duplicate_key");
      duplicate_ = true;
    } else {
      duplicate_ = false;
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    json_error_ = true;
    json_error_position_ = position;
    json_error_what_ = ex.what();
    return false;
  }

  bool stopped() const { return stopped_; }
  bool json_error() const { return json_error_; }
  std::size_t json_error_position() const { return json_error_position_; }
  bool saw_root() const { return saw_root_; }
  void finish();

 private:
  const Rules& rules_;
  const Limits& limits_;
  ParsedEnterprise& out_;
  std::vector<Frame> stack_;
  // Unknown keys of the object at each depth (rare): the current one, for JSON pointers, and
  // those seen, to report a repeat. Kept out of Frame so that frames stay small and cheap.
  struct UnknownKeys {
    std::string current;
    std::vector<std::string> seen;
  };
  std::vector<UnknownKeys> unknown_;
  bool stopped_ = false, json_error_ = false, saw_root_ = false, duplicate_ = false;
  std::size_t json_error_position_ = 0;
  std::string json_error_what_;
  // The record being read: made in place at the end of the enterprise's records when its object
  // opens (no copy or move of its strings afterwards).
  Record& rec() { return out_.enterprise.records.back(); }
  Day rec_ends_[3] = {kNever, kNever, kNever};  // end, valid_until (for end-before-start checks)
  bool rec_start_given_ = false;
  std::vector<Warning> rec_warnings_;
  PreviousApplication prev_;
  std::array<std::size_t, kListCount> list_size_{};  // records read per list
  int last_list_ = -1;
  bool lists_in_order_ = true;  // the lists came in Table 1 order (the usual case: no sort needed)
  bool have_application_date_ = false;

  bool stop() { stopped_ = true; return false; }
  const std::vector<FieldDef>& list_fields(int list) const { return rules_.lists[static_cast<std::size_t>(list)].fields; }

  static std::string escape(std::string_view k) {
    std::string s;
    for (char c : k) {
      if (c == '~') s += "~0";
      else if (c == '/') s += "~1";
      else s += c;
    }
    return s;
  }

  // The current key of the object frame at `depth`.
  std::string_view key_of(std::size_t depth) const {
    const Frame& f = stack_[depth];
    if (f.field < 0) return f.has_unknown ? std::string_view(unknown_[depth].current) : std::string_view();
    switch (f.ctx) {
      case Ctx::Record: return list_fields(f.list)[static_cast<std::size_t>(f.field)].name;
      case Ctx::Records: return kListNames[static_cast<std::size_t>(f.field)];
      default: return object_keys(f.ctx)[static_cast<std::size_t>(f.field)];
    }
  }

  // JSON pointer of the value being read.
  std::string path() const {
    std::string p;
    for (std::size_t i = 1; i < stack_.size(); ++i) {  // stack_[0] is Root
      const Frame& f = stack_[i];
      p += '/';
      if (f.is_array) p += std::to_string(f.index);
      else p += escape(key_of(i));
    }
    return p;
  }
  std::string child_path(const char* name) const { return path_of_frame() + "/" + name; }
  // Pointer of the object the top frame is (not of its current key).
  std::string path_of_frame() const {
    std::string p;
    for (std::size_t i = 1; i + 1 < stack_.size(); ++i) {
      const Frame& f = stack_[i];
      p += '/';
      if (f.is_array) p += std::to_string(f.index);
      else p += escape(key_of(i));
    }
    return p;
  }

  void error(std::string p, const char* code) { out_.errors.push_back({std::move(p), code, {}}); }
  void error(std::string p, const char* code, std::vector<std::pair<std::string_view, std::string>> args) {
    out_.errors.push_back({std::move(p), code, std::move(args)});
  }

  void unknown_field(const Frame& f) {
    Warning w;
    w.code = "unknown_field";
    w.args = {{"path", path()}};
    if (f.ctx == Ctx::Record) {
      w.clause = f.list;
      rec_warnings_.push_back(std::move(w));
    } else {
      out_.warnings.push_back(std::move(w));
    }
  }

  void after_value() {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (f.is_array) ++f.index;
  }

  // What a value at the current position should have been, when a container is not expected
  // there: an entry of a list is an object, a list an array, a section an object, else one value.
  static const char* expected_here(const Frame& f, bool is_array) {
    if (f.is_array) return (f.ctx == Ctx::PreviousArr || f.ctx == Ctx::ListArr) ? "object" : "value";
    if (f.ctx == Ctx::Top && f.field >= 1 && f.field <= 4) return "object";
    if (f.ctx == Ctx::Records || (f.ctx == Ctx::Application && f.field == 1)) return is_array ? "object" : "array";
    return "value";
  }

  // Ctx of a container value at the current position; Skip when it is not expected there.
  Ctx child_ctx(bool is_array, bool& expected_container, bool& known) {
    Frame& f = stack_.back();
    expected_container = false;
    known = true;
    if (f.ctx == Ctx::Skip) { expected_container = true; return Ctx::Skip; }
    if (f.is_array) {
      if (f.ctx == Ctx::PreviousArr) { expected_container = !is_array; return is_array ? Ctx::Skip : Ctx::Previous; }
      if (f.ctx == Ctx::ListArr) { expected_container = !is_array; return is_array ? Ctx::Skip : Ctx::Record; }
      return Ctx::Skip;
    }
    if (f.field < 0) {
      known = false;
      return Ctx::Skip;
    }
    switch (f.ctx) {
      case Ctx::Top:
        if (is_array) return Ctx::Skip;
        if (f.field == 1) { expected_container = true; return Ctx::Enterprise; }
        if (f.field == 2) { expected_container = true; return Ctx::Application; }
        if (f.field == 3) { expected_container = true; return Ctx::Certification; }
        if (f.field == 4) { expected_container = true; return Ctx::Records; }
        return Ctx::Skip;
      case Ctx::Application:
        if (f.field == 1 && is_array) { expected_container = true; return Ctx::PreviousArr; }
        return Ctx::Skip;
      case Ctx::Records:
        if (is_array) { expected_container = true; return Ctx::ListArr; }
        return Ctx::Skip;
      default:
        return Ctx::Skip;
    }
  }

  bool open(bool is_array) {
    if (stack_.size() >= limits_.max_depth + 1) {
      error(path(), "too_deep", {{"max", std::to_string(limits_.max_depth)}});
      return stop();
    }
    if (stack_.empty()) {  // the document's root
      saw_root_ = true;
      stack_.push_back(Frame{Ctx::Root, true});
      if (is_array) {
        error("", "wrong_type", {{"expected", "object"}});
        stack_.push_back(Frame{Ctx::Skip, true});
      } else {
        stack_.push_back(Frame{Ctx::Top, false});
      }
      return true;
    }
    Frame& f = stack_.back();
    bool expected = false, known = true;
    Ctx c = child_ctx(is_array, expected, known);
    if (f.ctx == Ctx::Records && f.field < 0 && !duplicate_) error(path(), "unknown_record_list");
    else if (!known && !duplicate_ && f.ctx != Ctx::Skip) unknown_field(f);
    else if (!expected && f.ctx != Ctx::Skip) error(path(), "wrong_type", {{"expected", expected_here(f, is_array)}});
    if (duplicate_ && f.ctx != Ctx::Skip) c = Ctx::Skip;
    Frame nf{c, is_array};
    if (c == Ctx::ListArr) nf.list = f.field;
    if (c == Ctx::Record) {
      nf.list = f.list;
      if (++f.count > limits_.max_records_per_list) {
        if (f.count == limits_.max_records_per_list + 1)
          error("/records/" + std::string(kListNames[static_cast<std::size_t>(f.list)]), "too_many_records",
                {{"max", std::to_string(limits_.max_records_per_list)}});
        nf.ctx = Ctx::Skip;
      } else {
        std::vector<Record>& records = out_.enterprise.records;
        if (records.empty()) records.reserve(64);
        Record& added = records.emplace_back();
        added.list = static_cast<ListKind>(f.list);
        added.position = static_cast<std::uint32_t>(f.index);
        rec_ends_[0] = rec_ends_[1] = kNever;
        rec_start_given_ = false;
        rec_warnings_.clear();
      }
    }
    if (c == Ctx::Previous) {
      if (++f.count > limits_.max_previous) {
        if (f.count == limits_.max_previous + 1)
          error("/application/previous", "too_many_records", {{"max", std::to_string(limits_.max_previous)}});
        nf.ctx = Ctx::Skip;
      }
      prev_ = PreviousApplication{};
    }
    stack_.push_back(std::move(nf));
    return true;
  }

  bool close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (!f.is_array) check_required(f);
    switch (f.ctx) {
      case Ctx::Record: finish_record(f); break;
      case Ctx::Previous:
        if ((f.seen & 3u) == 3u && prev_.result_on != kNever) out_.enterprise.previous.push_back(prev_);
        break;
      default: break;
    }
    if (stack_.size() == 1) stack_.pop_back();  // leave Root
    after_value();
    return true;
  }

  void check_required(const Frame& f) {
    auto missing = [&](const char* name) {
      std::string p = path_of_frame_closed();
      error(p + "/" + name, "missing_field");
    };
    switch (f.ctx) {
      case Ctx::Top:
        if (!(f.seen & 1u)) error("/schema", "unsupported_schema", {{"schema", ""}});
        if (!(f.seen & 2u)) error("/enterprise", "missing_field");
        break;
      case Ctx::Enterprise:
        if (!(f.seen & (1u << 0))) missing("name");
        if (!(f.seen & (1u << 2))) missing("region");
        if (!(f.seen & (1u << 6))) missing("incorporated_on");
        break;
      case Ctx::Previous:
        if (!(f.seen & 1u)) missing("result_on");
        if (!(f.seen & 2u)) missing("outcome");
        break;
      case Ctx::Record: {
        if ((rules_.lists[static_cast<std::size_t>(f.list)].required_mask & ~f.seen) == 0) break;  // all given
        const auto& fs = list_fields(f.list);
        for (std::size_t i = 0; i < fs.size(); ++i)
          if (fs[i].required && !(f.seen & (1u << i))) missing(fs[i].name.c_str());
        break;
      }
      default: break;
    }
  }
  // After popping a frame, the path of that object = path() of the parent's current position.
  std::string path_of_frame_closed() const { return path(); }

  void finish_record(const Frame& f) {
    const auto& fs = list_fields(f.list);
    // End dates before the start date (docs/formats.md "Input errors").
    if (rec().start != kNever && (rec_ends_[0] != kNever || rec_ends_[1] != kNever)) {
      for (std::size_t i = 0; i < fs.size(); ++i) {
        if (!(f.seen & (1u << i))) continue;
        Day d = fs[i].role == FieldRole::end ? rec_ends_[0] : fs[i].role == FieldRole::valid_until ? rec_ends_[1] : kNever;
        if (d != kNever && d < rec().start)
          error(path() + "/" + fs[i].name, "end_before_start");
      }
    }
    for (Warning& w : rec_warnings_) {
      w.record = rec().id;
      w.order = list_size_[static_cast<std::size_t>(f.list)];
      out_.warnings.push_back(std::move(w));
    }
    rec_warnings_.clear();
    if (f.list < last_list_) lists_in_order_ = false;
    last_list_ = f.list;
    ++list_size_[static_cast<std::size_t>(f.list)];
  }

  // --- scalar values -------------------------------------------------------------------------
  bool scalar(VK vk, bool b, const std::string_view* s) {
    if (stack_.empty()) {  // a scalar document
      saw_root_ = true;
      error("", "wrong_type", {{"expected", "object"}});
      return true;
    }
    Frame& f = stack_.back();
    if (vk == VK::String && s->size() > limits_.max_string_bytes) {
      error(path(), "string_too_long", {{"max", std::to_string(limits_.max_string_bytes)}});
      after_value();
      return true;
    }
    if (f.ctx != Ctx::Skip && !duplicate_) {
      if (f.is_array) {
        if (f.ctx == Ctx::PreviousArr || f.ctx == Ctx::ListArr) {
          error(path(), "wrong_type", {{"expected", "object"}});
          if (f.ctx == Ctx::ListArr) ++f.count;
        }
      } else {
        value(f, vk, b, s);
      }
    }
    after_value();
    return true;
  }

  // Typed readers: each reports its own error at path() and says whether a value was read.
  bool read_string(VK vk, const std::string_view* s, std::string& out, bool required, bool non_empty, const char* empty_code) {
    if (vk == VK::Null) {
      if (required) error(path(), "missing_field");
      return false;
    }
    if (vk != VK::String) { error(path(), "wrong_type", {{"expected", "string"}}); return false; }
    if (non_empty && s->empty()) { error(path(), empty_code); return false; }
    out.assign(s->data(), s->size());
    return true;
  }
  // Optional free text of a record: checked, and kept only when the caller needs it.
  void read_text(VK vk, const std::string_view* s, std::string& out) {
    if (vk == VK::Null) return;
    if (vk != VK::String) { error(path(), "wrong_type", {{"expected", "string"}}); return; }
    if (limits_.keep_free_text) out.assign(s->data(), s->size());
  }
  bool read_date(VK vk, const std::string_view* s, Day& out, bool required) {
    if (vk == VK::Null) {
      if (required) error(path(), "missing_field");
      return false;
    }
    if (vk != VK::String) { error(path(), "wrong_type", {{"expected", "date"}}); return false; }
    if (!parse_date(*s, out)) {
      error(path(), "bad_date", {{"value", std::string(*s)}});
      out = kNever;
      return false;
    }
    return true;
  }
  bool read_bool(VK vk, bool b, bool& out, bool required) {
    if (vk == VK::Null) {
      if (required) error(path(), "missing_field");
      return false;
    }
    if (vk != VK::Bool) { error(path(), "wrong_type", {{"expected", "boolean"}}); return false; }
    out = b;
    return true;
  }
  bool read_enum(VK vk, const std::string_view* s, const char* enum_name, int& out, bool required) {
    return read_enum(vk, s, rules_.enum_def(enum_name), out, required);
  }
  bool read_enum(VK vk, const std::string_view* s, const EnumDef& e, int& out, bool required) {
    if (vk == VK::Null) {
      if (required) error(path(), "missing_field");
      return false;
    }
    if (vk != VK::String) { error(path(), "wrong_type", {{"expected", "string"}}); return false; }
    out = e.index_of(*s);
    if (out < 0) {
      // The allowed values are named by their labels when the message is written (render.cpp).
      error(path(), "unknown_value", {{"value", std::string(*s)}, {"allowed", "enum:" + e.name}});
      return false;
    }
    return true;
  }

  void value(Frame& f, VK vk, bool b, const std::string_view* s) {
    Enterprise& e = out_.enterprise;
    if (f.field < 0) {
      if (f.ctx == Ctx::Records) error(path(), "unknown_record_list");
      else unknown_field(f);
      return;
    }
    switch (f.ctx) {
      case Ctx::Top:
        if (f.field == 0) {
          if (vk != VK::String || *s != "nvcheck/enterprise@1")
            error(path(), "unsupported_schema", {{"schema", vk == VK::String ? std::string(*s) : std::string()}});
        } else if (f.field == 1) {
          error(path(), vk == VK::Null ? "missing_field" : "wrong_type", {{"expected", "object"}});
        } else if (vk != VK::Null) {
          error(path(), "wrong_type", {{"expected", "object"}});
        }
        return;
      case Ctx::Enterprise:
        switch (f.field) {
          case 0: read_string(vk, s, e.name, true, true, "empty_value"); return;
          case 1: read_string(vk, s, e.id_code, false, false, nullptr); return;
          case 2: {
            std::string r;
            if (!read_string(vk, s, r, true, false, nullptr)) return;
            for (int i = 0; i < 3; ++i)
              if (r == kRegionCodes[static_cast<std::size_t>(i)]) { e.region = static_cast<Region>(i); return; }
            error(path(), "unknown_value", {{"value", r}, {"allowed", "regions"}});
            return;
          }
          case 3: read_string(vk, s, e.division_code, false, false, nullptr); return;
          case 4: read_string(vk, s, e.legal_representative, false, false, nullptr); return;
          case 5: read_string(vk, s, e.address, false, false, nullptr); return;
          case 6: read_date(vk, s, e.incorporated_on, true); return;
          case 7: read_string(vk, s, e.enterprise_type, false, false, nullptr); return;
          case 8: read_string(vk, s, e.business_scope, false, false, nullptr); return;
          case 9: read_enum(vk, s, "registration_status", e.registration_status, false); return;
        }
        return;
      case Ctx::Application:
        if (f.field == 0) { if (read_date(vk, s, e.application_date, false)) have_application_date_ = true; }
        else if (vk != VK::Null) error(path(), "wrong_type", {{"expected", "array"}});
        return;
      case Ctx::Previous:
        if (f.field == 0) read_date(vk, s, prev_.result_on, true);
        else if (f.field == 1) {
          int o = -1;
          if (read_enum(vk, s, "outcome", o, true)) prev_.failed = rules_.enum_def("outcome").values[static_cast<std::size_t>(o)] == "failed";
        } else read_bool(vk, b, prev_.false_information, false);
        return;
      case Ctx::Certification:
        if (f.field == 0) read_date(vk, s, e.first_passed_on, false);
        else if (f.field == 1) read_date(vk, s, e.last_review_on, false);
        else read_string(vk, s, e.institution, false, false, nullptr);
        return;
      case Ctx::Records:
        if (vk != VK::Null) error(path(), "wrong_type", {{"expected", "array"}});
        return;
      case Ctx::Record: record_value(f, vk, b, s); return;
      default: return;
    }
  }

  // A record field's value, read by its kind into the Record slot of its role.
  void record_value(Frame& f, VK vk, bool b, const std::string_view* s) {
    const FieldDef& d = list_fields(f.list)[static_cast<std::size_t>(f.field)];
    switch (d.kind) {
      case FieldKind::date: {
        Day* slot = d.role == FieldRole::start ? &rec().start
                    : d.role == FieldRole::end ? &rec().end
                    : d.role == FieldRole::valid_until ? &rec().valid_until
                    : &rec().decided_on;
        if (!read_date(vk, s, *slot, d.required)) return;
        if (d.role == FieldRole::end) rec_ends_[0] = rec().end;
        else if (d.role == FieldRole::valid_until) rec_ends_[1] = rec().valid_until;
        return;
      }
      case FieldKind::enumeration:
        read_enum(vk, s, *d.enumeration, d.scope_slot == 1 ? rec().enum_b : d.scope_slot == 0 ? rec().enum_a : rec().default_type,
                  d.required);
        return;
      case FieldKind::boolean: read_bool(vk, b, d.role == FieldRole::flag ? rec().flag : rec().disputed, d.required); return;
      case FieldKind::appendix: {
        if (!read_string(vk, s, rec().appendix_value, d.required, true, "empty_value")) return;
        const Appendix& app = rules_.appendices[static_cast<std::size_t>(d.appendix)];
        if (d.closed) {  // risk lists: an Appendix D id or "other" (docs/formats.md "The ten record lists")
          rec().appendix_index = -1;
          for (std::size_t i = 0; i < app.entries.size(); ++i)
            if (app.entries[i].id == rec().appendix_value) rec().appendix_index = static_cast<int>(i);
          if (rec().appendix_index < 0 && rec().appendix_value != "other") {
            error(path(), "unknown_value",
                  {{"value", rec().appendix_value}, {"allowed", std::string("appendix:") + app.letter}});
          }
        } else {
          rec().appendix_index = app.match(rec().appendix_value);
        }
        return;
      }
      case FieldKind::text:
        switch (d.role) {
          case FieldRole::id:
            if (vk == VK::String && s->empty()) { error(path(), "empty_id"); return; }
            read_string(vk, s, rec().id, d.required, false, nullptr);
            return;
          case FieldRole::authority: read_text(vk, s, rec().authority); return;
          case FieldRole::matter: read_text(vk, s, rec().matter); return;
          case FieldRole::source: read_text(vk, s, rec().source); return;
          default: read_text(vk, s, rec().cause); return;
        }
    }
  }
};

void Reader::finish() {
  Enterprise& e = out_.enterprise;
  // Records in Table 1 order, each list in file order (a file may give its lists in any order).
  if (!lists_in_order_)
    std::stable_sort(e.records.begin(), e.records.end(),
                     [](const Record& a, const Record& b) { return a.list < b.list; });
  // Record ids are unique within the file (docs/formats.md "The ten record lists"): an open-addressing table of the ids
  // seen so far; each repeat is reported at its own path, in record order.
  std::vector<std::size_t> repeats;
  {
    std::size_t cap = 16;
    while (cap < 2 * e.records.size()) cap *= 2;
    std::vector<std::uint32_t> table(cap, 0);  // record index + 1; 0: empty
    for (std::size_t i = 0; i < e.records.size(); ++i) {
      const std::string& id = e.records[i].id;
      if (id.empty()) continue;
      std::uint64_t h = 1469598103934665603ull;
      for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
      for (std::size_t slot = h & (cap - 1);; slot = (slot + 1) & (cap - 1)) {
        if (table[slot] == 0) { table[slot] = static_cast<std::uint32_t>(i + 1); break; }
        if (e.records[table[slot] - 1].id == id) { repeats.push_back(i); break; }
      }
    }
  }
  if (repeats.empty()) return;
  std::array<std::size_t, kListCount> start{};
  for (std::size_t li = 1; li < kListCount; ++li) start[li] = start[li - 1] + list_size_[li - 1];
  for (std::size_t i : repeats) {
    const Record& r = e.records[i];
    const std::size_t li = static_cast<std::size_t>(r.list);
    error("/records/" + std::string(kListNames[li]) + "/" + std::to_string(i - start[li]) + "/id", "duplicate_id",
          {{"id", r.id}});
  }
}

}  // namespace

ParsedEnterprise parse_enterprise(std::string_view text, const Rules& rules, const Limits& limits) {
  ParsedEnterprise out;
  if (text.size() > limits.max_bytes) {
    out.errors.push_back({"", "too_large", {{"max", std::to_string(limits.max_bytes)}}});
    return out;
  }
  Reader reader(rules, limits, out);
  const json_sax::Outcome read = json_sax::parse(text, reader);
  if (read.status == json_sax::Status::syntax_error) {
    out.errors.clear();
    out.warnings.clear();
    out.errors.push_back({"", "invalid_json", {{"position", std::to_string(read.position)}}});
    out.enterprise = Enterprise{};
    return out;
  }
  if (reader.stopped()) {
    out.enterprise = Enterprise{};
    return out;
  }
  reader.finish();
  return out;
}

}  // namespace nvcheck
