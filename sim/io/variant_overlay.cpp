// SPDX-License-Identifier: MIT
#include "io/variant_overlay.hpp"

#include "io/capacity_overlay.hpp"
#include "io/field_rules.hpp"
#include "io/sessions_overlay.hpp"

#include <carepath/model/distribution.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace carepath::io {
namespace {

constexpr std::string_view kVariantRule = "an array of variants";

std::vector<std::string> split_pointer(const std::string& pointer) {
  std::vector<std::string> tokens;
  std::size_t start = 1;
  while (start <= pointer.size() && !pointer.empty()) {
    const std::size_t slash = pointer.find('/', start);
    const std::size_t end = slash == std::string::npos ? pointer.size() : slash;
    tokens.push_back(pointer.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

std::optional<std::size_t> parse_index(const std::string& token) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (token.empty() || error != std::errc{} || end != token.data() + token.size()) return std::nullopt;
  return value;
}

// The index of the element of `list` whose "name" is `name`, if `list` is an array of such objects.
std::optional<std::size_t> find_named(const Json* list, const std::string& name) {
  if (list == nullptr || !list->is_array()) return std::nullopt;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& element = list->at(i);
    if (!element.is_object()) continue;
    const Json* element_name = JsonReader::find(element, "name");
    if (element_name != nullptr && is_text(*element_name, name)) return i;
  }
  return std::nullopt;
}

/// How one part of the overlay ("services", "arrivals" or "resources") differs from the others.
struct OverlayPart {
  std::string_view key;          // "services" / "arrivals" / "resources"
  std::string_view what;         // "service" / "arrival source" / "shared pool"
  std::string_view scale_key;    // service_time_scale / scale / none ("")
  bool scale_may_be_zero;        // a source may be switched off; a length of stay cannot be zero
  std::string_view scale_rule;
};

constexpr OverlayPart kServicesPart{"services", "service", kServiceTimeScaleKey, false,
                                    "a number above zero (0.9 makes every length of stay 10% shorter)"};
constexpr OverlayPart kArrivalsPart{"arrivals", "arrival source", kArrivalScaleKey, true,
                                    "a number that is not negative (1.2 means 20% more arrivals)"};
constexpr OverlayPart kResourcesPart{"resources", "shared pool", "", false, ""};

std::optional<double> expect_scale(JsonReader& r, const Json& value, const OverlayPart& part) {
  const bool ok = value.is_number() && std::isfinite(value.get<double>()) &&
                  (part.scale_may_be_zero ? value.get<double>() >= 0 : value.get<double>() > 0);
  if (!ok) {
    r.expected(part.scale_rule, value);
    return std::nullopt;
  }
  return value.get<double>();
}

std::string signed_count(const Json& value) {
  const std::string text = describe(value);
  return value.is_number() && value.get<double>() >= 0 ? "+" + text : text;
}

// One change in the planner's words: "service 'ward': capacity +2 at every date and shift".
std::string describe_change(const OverlayPart& part, const std::string& name, const std::string& key,
                            const Json& value, const Json* before) {
  const std::string subject = std::string(part.what) + " '" + name + "': ";
  if (key == kCapacityDeltaKey) return subject + "capacity " + signed_count(value) + " at every date and shift";
  if (key == kCapacityScaleKey) return subject + "capacity \u00d7" + describe(value) + " at every date and shift";
  if (key == kServiceTimeScaleKey && part.key == "services") return subject + "lengths of stay \u00d7" + describe(value);
  if (key == kArrivalScaleKey && part.key == "arrivals") return subject + "arrivals \u00d7" + describe(value);
  if (key == kSlotsDeltaKey) return subject + "slots " + signed_count(value) + " at every session";
  if (key == kSlotsScaleKey) return subject + "slots \u00d7" + describe(value) + " at every session";
  if (key == kCapacityChangeKey) {
    std::string text;
    for (const Json& change : value.is_array() ? value : Json::array({value})) {
      if (!change.is_object() || !change.contains("from") || !change.contains("capacity")) continue;
      text += (text.empty() ? "" : ", ") + describe(change.at("capacity")) + " from " +
              (change.at("from").is_string() ? change.at("from").get<std::string>() : describe(change.at("from")));
    }
    return subject + "capacity " + text;
  }
  // A schedule, a list of routes or a distribution does not fit on a line: say what kind of thing
  // was replaced; comparison.json and the scenario have it whole.
  if (value.is_structured()) {
    std::string what = subject + key + (before != nullptr ? " replaced" : " set");
    if (key == "capacity" && value.is_object()) {
      const Json* roster = JsonReader::find(value, "roster");
      const Json* changes = JsonReader::find(value, "changes");
      const auto count = [](const Json* list) { return list != nullptr && list->is_array() ? list->size() : 0; };
      what += " by a schedule (" + std::to_string(count(roster)) + " roster shifts, " +
              std::to_string(count(changes)) + " dated changes)";
    }
    return what;
  }
  if (before != nullptr) return subject + key + " " + describe(*before) + " \u2192 " + describe(value);
  return subject + key + " set to " + describe(value);
}

// Reads overlay[part.key] and merges it into `merged`; records the touched entries and the scales.
void merge_part(JsonReader& r, const Json& overlay, const OverlayPart& part, Json& merged,
                std::vector<std::optional<OverlaidEntry>>& entries,
                std::vector<std::pair<std::string, double>>& scales, std::vector<std::string>& described, bool& ok) {
  const Json* changes = JsonReader::find(overlay, part.key);
  if (changes == nullptr) return;
  const auto step = r.enter(part.key);
  if (!changes->is_object()) {
    r.expected("an object keyed by " + std::string(part.what) + " name", *changes);
    ok = false;
    return;
  }
  Json* list = merged.is_object() && merged.contains(part.key) ? &merged[std::string(part.key)] : nullptr;
  if (list != nullptr && !list->is_array()) list = nullptr;  // The base's own error says why.
  if (list != nullptr) entries.resize(list->size());
  for (auto it = changes->begin(); it != changes->end(); ++it) {
    const std::string& name = it.key();
    if (name.starts_with('$')) continue;
    const auto name_step = r.enter(name);
    if (!is_valid_name(name)) {
      r.error("expected " + std::string(kNameRule) + ", got " + describe(Json(name)));
      ok = false;
      continue;
    }
    const Json& change = it.value();
    if (!r.expect_object(change)) {
      ok = false;
      continue;
    }
    if (JsonReader::find(change, "name") != nullptr) {
      r.error_at("name", "is not allowed here: the key of this object, '" + name + "', names the " +
                             std::string(part.what));
      ok = false;
    }
    if (part.scale_key.empty()) {
      // No scale of its own: every key is a key of the base format, or a capacity edit.
    } else if (const auto scale = r.optional(change, part.scale_key, expect_scale, part)) {
      scales.emplace_back(name, *scale);
    } else if (JsonReader::find(change, part.scale_key) != nullptr) {
      ok = false;
    }
    if (list == nullptr) continue;

    OverlaidEntry entry{name, {}, false};
    const auto existing = find_named(list, name);
    Json added = Json::object();
    added["name"] = name;
    Json& target = existing ? list->at(*existing) : added;
    // Services and shared pools have capacity schedules, which the capacity edits keep.
    const bool services = part.key != kArrivalsPart.key;
    const Json base_entry = existing ? target : Json::object();  // Before the overlay, for the words.
    if (services && existing && target.contains("capacity") && change.contains("capacity")) {
      warn_on_dropped_schedule(r, target["capacity"], change.at("capacity"));
    }
    // Only services have sessions; elsewhere the slot keys are left to the loader, which refuses them.
    const bool clinics = part.key == kServicesPart.key;
    if (clinics && existing && target.contains("sessions") && change.contains("sessions")) {
      warn_on_dropped_sessions(r, target["sessions"], change.at("sessions"));
    }
    for (auto key = change.begin(); key != change.end(); ++key) {
      if ((!part.scale_key.empty() && key.key() == part.scale_key) || key.key() == "name" ||
          key.key().starts_with('$')) {
        continue;
      }
      if (services && is_capacity_edit_key(key.key())) continue;
      if (clinics && is_slots_edit_key(key.key())) continue;
      target[key.key()] = key.value();
      entry.keys.push_back(escape_pointer_token(key.key()));
    }
    if (services && !apply_capacity_edits(r, change, target)) ok = false;
    if (clinics && !apply_slots_edits(r, change, target)) ok = false;
    if (!existing) {
      described.push_back("adds " + std::string(part.what) + " '" + name + "'");
    } else {
      for (auto key = change.begin(); key != change.end(); ++key) {
        if (key.key() == "name" || key.key().starts_with('$')) continue;
        described.push_back(describe_change(part, name, key.key(), key.value(), JsonReader::find(base_entry, key.key())));
      }
    }
    if (existing) {
      entries[*existing] = std::move(entry);
    } else {
      entry.added = true;
      list->push_back(std::move(added));
      entries.push_back(std::move(entry));
    }
  }
}

std::optional<VariantOverlay> read_variant(JsonReader& r, const Json& document, const Json& variant, std::size_t index,
                                           std::vector<std::pair<std::string, std::size_t>>& names_seen) {
  if (!r.expect_object(variant)) return std::nullopt;
  const std::size_t errors_before = r.error_count();

  Json known_keys_only = variant;
  for (const std::string_view unsupported : {kRemoveServicesKey, kRemoveArrivalsKey}) {
    if (!variant.contains(unsupported)) continue;
    const std::string what = unsupported == kRemoveServicesKey ? "a service" : "an arrival source";
    const std::string instead = unsupported == kRemoveServicesKey
                                    ? R"(set its capacity to 0 instead, from the start ("capacity": {"base": 0}) or from a date ("changes"))"
                                    : R"(give it "scale": 0 under "arrivals" instead)";
    r.error_at(unsupported, "is not supported: a variant cannot remove " + what + "; " + instead);
    known_keys_only.erase(std::string(unsupported));
  }
  r.check_keys(known_keys_only, {"name", "description", "notes", "services", "arrivals", "resources"});

  VariantOverlay overlay;
  overlay.index = index;
  const auto name = r.required(variant, "name", expect_name);
  if (name) {
    const Json* base_name = JsonReader::find(document, "name");
    const auto step = r.enter("name");
    const auto seen = std::find_if(names_seen.begin(), names_seen.end(), [&](const auto& n) { return n.first == *name; });
    if (*name == "." || *name == "..") {
      r.expected(R"(a name other than "." or "..", as it names the folder variants/<name>)", variant.at("name"));
    } else if (base_name != nullptr && is_text(*base_name, *name)) {
      r.error("expected a name other than the scenario's own, got " + describe(variant.at("name")));
    } else if (seen != names_seen.end()) {
      r.error("duplicate variant name " + describe(variant.at("name")) + " (also /variants/" +
              std::to_string(seen->second) + "/name)");
    } else {
      names_seen.emplace_back(*name, index);
    }
    overlay.name = *name;
  }
  overlay.description = r.optional(variant, "description", &JsonReader::expect_string).value_or("");
  overlay.notes = r.optional(variant, "notes", expect_notes).value_or(std::vector<std::string>{});

  overlay.document = document;
  overlay.document.erase("variants");
  bool ok = true;
  merge_part(r, variant, kServicesPart, overlay.document, overlay.services, overlay.service_time_scales,
             overlay.changes, ok);
  merge_part(r, variant, kArrivalsPart, overlay.document, overlay.arrivals, overlay.arrival_scales, overlay.changes,
             ok);
  std::vector<std::pair<std::string, double>> no_scales;
  merge_part(r, variant, kResourcesPart, overlay.document, overlay.resources, no_scales, overlay.changes, ok);
  if (!ok || r.error_count() != errors_before) return std::nullopt;
  return overlay;
}

}  // namespace

std::string VariantOverlay::source_path(const std::string& merged_pointer) const {
  const std::vector<std::string> tokens = split_pointer(merged_pointer);
  if (tokens.size() < 2) return merged_pointer;
  const auto* entries = tokens[0] == "services"    ? &services
                        : tokens[0] == "arrivals"  ? &arrivals
                        : tokens[0] == "resources" ? &resources
                                                   : nullptr;
  const auto position = parse_index(tokens[1]);
  if (entries == nullptr || !position || *position >= entries->size() || !(*entries)[*position]) return merged_pointer;
  const OverlaidEntry& entry = *(*entries)[*position];
  const bool variants_key =
      entry.added || (tokens.size() > 2 && std::find(entry.keys.begin(), entry.keys.end(), tokens[2]) != entry.keys.end());
  if (!variants_key) return merged_pointer;
  std::string pointer = "/variants/" + std::to_string(index) + "/" + tokens[0] + "/" + escape_pointer_token(entry.name);
  for (std::size_t i = 2; i < tokens.size(); ++i) pointer += "/" + tokens[i];
  return pointer;
}

void VariantOverlay::apply_scales(model::Scenario& scenario) const {
  for (const auto& [service_name, factor] : service_time_scales) {
    for (model::Service& service : scenario.services) {
      if (service.name != service_name) continue;
      service.service_time = model::scaled(service.service_time, factor);
      for (model::TypeOverride& o : service.by_type) {
        if (o.service_time) o.service_time = model::scaled(*o.service_time, factor);
      }
    }
  }
  for (const auto& [source_name, factor] : arrival_scales) {
    for (model::ArrivalSource& source : scenario.arrivals) {
      if (source.name != source_name) continue;
      source.rate_per_day *= factor;
      if (source.profile) {
        for (model::DailyArrivals& day : source.profile->daily_series) day.arrivals *= factor;
      }
    }
  }
}

std::vector<VariantOverlay> read_variants(JsonReader& r, const Json& document, const Json& variants) {
  std::vector<VariantOverlay> overlays;
  const auto step = r.enter("variants");
  if (!r.expect_array(variants, kVariantRule)) return overlays;
  std::vector<std::pair<std::string, std::size_t>> names_seen;
  for (std::size_t i = 0; i < variants.size(); ++i) {
    const auto variant_step = r.enter(i);
    if (auto overlay = read_variant(r, document, variants.at(i), i, names_seen)) overlays.push_back(std::move(*overlay));
  }
  return overlays;
}

}  // namespace carepath::io
