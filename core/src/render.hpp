// Inside the engine: what the result writers take from the text renderer (core/src/render.cpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "nvcheck/nvcheck.hpp"
#include "record_name.hpp"

namespace nvcheck {

/// Items of the rule data joined for people: "44、81 或 82", "44, 81 or 82" (`last`: the text key
/// before the last item, "text.list.or" or "text.list.and"; the others "text.list.separator").
std::string joined(const std::vector<std::string>& items, const Rules& rules, Lang lang, std::string_view last);

/// Renders `r` in `lang` into `out`; `json`: escaped as the inside of a JSON string as it goes.
void reason_into(std::string& out, const Reason& r, const Rules& rules, Lang lang, bool json = false);

/// An error's or a warning's message in `lang`, its record named by what it is (record_name.cpp).
std::string error_message_at(const InputError& err, const RecordFinder& finder, const Rules& rules, Lang lang);
std::string warning_message_at(const Warning& w, const RecordFinder& finder, const Rules& rules, Lang lang);

/// The invalid result with each error's message already written (`messages`: error_messages() of
/// `errors`), for a door that also returns them (Output::errors) and so writes them only once.
std::string invalid_result_json_of(const std::vector<InputError>& errors, const std::vector<std::string>& messages, Day on,
                                   const Rules& rules);

}  // namespace nvcheck
