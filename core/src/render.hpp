// Inside the engine: what the result writers take from the text renderer (core/src/render.cpp).
#pragma once
#include <string>

#include "nvcheck/nvcheck.hpp"
#include "record_name.hpp"

namespace nvcheck {

/// Renders `r` in `lang` into `out`; `json`: escaped as the inside of a JSON string as it goes.
void reason_into(std::string& out, const Reason& r, const Rules& rules, Lang lang, bool json = false);

/// An error's or a warning's message in `lang`, its record named by what it is (record_name.cpp).
std::string error_message_at(const InputError& err, const RecordFinder& finder, const Rules& rules, Lang lang);
std::string warning_message_at(const Warning& w, const RecordFinder& finder, const Rules& rules, Lang lang);

}  // namespace nvcheck
