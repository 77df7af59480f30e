// The draft report in the Appendix E layout (being written; see issue 3).
#include "nvcheck/nvcheck.hpp"

namespace nvcheck {
Output report_html(std::string_view text, const Options& options, const Rules& rules) {
  Prepared p = prepare(text, options, rules);
  return {std::string(), p.valid() ? Verdict::fail : Verdict::invalid};
}
}  // namespace nvcheck
