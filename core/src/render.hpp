// Inside the engine: what the result writers take from the text renderer (core/src/render.cpp).
#pragma once
#include <string>

#include "nvcheck/nvcheck.hpp"

namespace nvcheck {

/// Renders `r` in `lang` into `out`; `json`: escaped as the inside of a JSON string as it goes.
void reason_into(std::string& out, const Reason& r, const Rules& rules, Lang lang, bool json = false);

}  // namespace nvcheck
