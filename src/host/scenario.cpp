#include "host/scenario.h"

#include <video.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "host/request_dispatcher.h"

namespace vidport::host {

std::string ScenarioError::describe() const {
  return line > 0 ? fmt::format("{}:{}: {}", file, line, reason) : fmt::format("{}: {}", file, reason);
}

std::optional<kernel::ClockTime> parse_duration(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 12) return std::nullopt;
  kernel::ClockTime value = std::stoull(text.substr(0, digits));
  std::string unit = text.substr(digits);
  if (unit == "ns") return value;
  if (unit == "us") return value * kernel::kMicrosecond;
  if (unit == "ms") return value * kernel::kMillisecond;
  if (unit == "s") return value * kernel::kSecond;
  return std::nullopt;
}

namespace {

// Thrown inside the parser only; parse_scenario turns it into a ScenarioError.
struct Failure {
  int line;
  std::string reason;
};

int line_of(const YAML::Node& node) { return node.Mark().line + 1; }

[[noreturn]] void fail(const YAML::Node& node, std::string reason) { throw Failure{line_of(node), std::move(reason)}; }

std::uint64_t number(const YAML::Node& node, const char* what, std::uint64_t max = 0xFFFFFFFFull) {
  if (!node.IsScalar()) fail(node, fmt::format("{} must be a number", what));
  const std::string& text = node.Scalar();
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used, 0);
  } catch (const std::exception&) {
    fail(node, fmt::format("{} must be a number, not \"{}\"", what, text));
  }
  if (used != text.size() || text[0] == '-') fail(node, fmt::format("{} must be a number, not \"{}\"", what, text));
  if (value > max) fail(node, fmt::format("{} {} is out of range (at most {})", what, text, max));
  return value;
}

std::uint32_t status_code(const YAML::Node& node) {
  static const std::map<std::string, std::uint32_t> kNames = {
      {"NO_ERROR", NO_ERROR},
      {"ERROR_INVALID_FUNCTION", ERROR_INVALID_FUNCTION},
      {"ERROR_NOT_ENOUGH_MEMORY", ERROR_NOT_ENOUGH_MEMORY},
      {"ERROR_NOT_SUPPORTED", ERROR_NOT_SUPPORTED},
      {"ERROR_DEV_NOT_EXIST", ERROR_DEV_NOT_EXIST},
      {"ERROR_INVALID_PARAMETER", ERROR_INVALID_PARAMETER},
      {"ERROR_INSUFFICIENT_BUFFER", ERROR_INSUFFICIENT_BUFFER},
      {"ERROR_MORE_DATA", ERROR_MORE_DATA},
      {"ERROR_IO_PENDING", ERROR_IO_PENDING},
  };
  if (node.IsScalar()) {
    auto it = kNames.find(node.Scalar());
    if (it != kNames.end()) return it->second;
    if (!node.Scalar().empty() && std::isdigit(static_cast<unsigned char>(node.Scalar()[0]))) {
      return static_cast<std::uint32_t>(number(node, "status"));
    }
  }
  fail(node, "status must be a number or one of NO_ERROR, ERROR_INVALID_FUNCTION, ERROR_NOT_ENOUGH_MEMORY, "
             "ERROR_NOT_SUPPORTED, ERROR_DEV_NOT_EXIST, ERROR_INVALID_PARAMETER, ERROR_INSUFFICIENT_BUFFER, "
             "ERROR_MORE_DATA, ERROR_IO_PENDING");
}

void check_keys(const YAML::Node& map, std::initializer_list<const char*> allowed, const char* what) {
  std::set<std::string> names(allowed.begin(), allowed.end());
  for (const auto& entry : map) {
    std::string key = entry.first.as<std::string>();
    if (!names.count(key)) {
      std::string list;
      for (const char* a : allowed) list += list.empty() ? a : std::string(", ") + a;
      fail(entry.first, fmt::format("unknown key \"{}\" in {} (allowed: {})", key, what, list));
    }
  }
}

std::vector<std::uint32_t> ulongs(const YAML::Node& node, const char* what) {
  if (!node.IsSequence()) fail(node, fmt::format("{} must be a list of numbers", what));
  std::vector<std::uint32_t> out;
  for (const auto& item : node) out.push_back(static_cast<std::uint32_t>(number(item, what)));
  return out;
}

std::vector<std::uint8_t> input_bytes(const YAML::Node& step) {
  std::vector<std::uint8_t> out;
  if (step["input"] && step["input_ulongs"]) fail(step["input"], "give either input or input_ulongs, not both");
  if (const YAML::Node bytes = step["input"]) {
    if (!bytes.IsSequence()) fail(bytes, "input must be a list of bytes");
    for (const auto& item : bytes) out.push_back(static_cast<std::uint8_t>(number(item, "an input byte", 0xFF)));
  }
  if (const YAML::Node words = step["input_ulongs"]) {
    for (std::uint32_t v : ulongs(words, "input_ulongs")) {
      for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
  }
  return out;
}

Step parse_ioctl(const YAML::Node& node) {
  check_keys(node, {"ioctl", "adapter", "input", "input_ulongs", "output_size", "expect"}, "an ioctl step");
  Step step;
  step.kind = Step::Kind::Ioctl;
  const YAML::Node code = node["ioctl"];
  if (!code.IsScalar()) fail(code, "ioctl must be an IOCTL_VIDEO_* name or a number");
  if (auto known = ioctl_code(code.Scalar())) {
    step.ioctl = *known;
  } else if (!code.Scalar().empty() && std::isdigit(static_cast<unsigned char>(code.Scalar()[0]))) {
    step.ioctl = static_cast<std::uint32_t>(number(code, "ioctl"));
  } else {
    fail(code, fmt::format("unknown IOCTL name \"{}\" (use a standard IOCTL_VIDEO_* name or the code as a number)",
                           code.Scalar()));
  }
  step.input = input_bytes(node);
  if (node["output_size"]) step.output_size = static_cast<std::uint32_t>(number(node["output_size"], "output_size", 1 << 24));
  if (const YAML::Node expect = node["expect"]) {
    if (!expect.IsMap()) fail(expect, "expect must be a map (status, information, output_ulongs)");
    check_keys(expect, {"status", "information", "output_ulongs"}, "expect");
    Expect e;
    if (expect["status"]) e.status = status_code(expect["status"]);
    if (expect["information"]) e.information = number(expect["information"], "information");
    if (expect["output_ulongs"]) e.output_ulongs = ulongs(expect["output_ulongs"], "output_ulongs");
    step.expect = e;
  }
  return step;
}

kernel::ClockTime duration(const YAML::Node& node, const char* what) {
  if (!node.IsScalar()) fail(node, fmt::format("{} must be a duration such as 10ms", what));
  auto value = parse_duration(node.Scalar());
  if (!value) fail(node, fmt::format("{} \"{}\" is no duration: use a number with ns, us, ms or s (e.g. 10ms)", what,
                                     node.Scalar()));
  return *value;
}

Step parse_step(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) fail(node, "a step must be a map such as {wait: 10ms}");
  Step step;
  if (node["ioctl"]) {
    step = parse_ioctl(node);
  } else if (node["wait"]) {
    check_keys(node, {"wait"}, "a wait step");
    step.kind = Step::Kind::Wait;
    step.duration = duration(node["wait"], "wait");
  } else if (node["wait_interrupts"]) {
    check_keys(node, {"wait_interrupts", "within", "adapter"}, "a wait_interrupts step");
    step.kind = Step::Kind::WaitInterrupts;
    step.interrupts = number(node["wait_interrupts"], "wait_interrupts", 1u << 30);
    step.duration = node["within"] ? duration(node["within"], "within") : kernel::kSecond;
  } else if (node["display_driver"]) {
    check_keys(node, {"display_driver", "adapter"}, "a display_driver step");
    if (!node["display_driver"].IsScalar() || node["display_driver"].Scalar() != "standard") {
      fail(node["display_driver"], "display_driver must be \"standard\" (the start-up requests of the display driver)");
    }
    step.kind = Step::Kind::DisplayDriver;
  } else if (node["screenshot"]) {
    check_keys(node, {"screenshot"}, "a screenshot step");
    const YAML::Node file = node["screenshot"];
    if (!file.IsScalar() || file.Scalar().size() < 5 || file.Scalar().substr(file.Scalar().size() - 4) != ".png") {
      fail(file, "screenshot must name a .png file");
    }
    step.kind = Step::Kind::Screenshot;
    step.file = file.Scalar();
  } else if (node["full_screen"]) {
    check_keys(node, {"full_screen", "adapter"}, "a full_screen step");
    const YAML::Node program = node["full_screen"];
    if (!program.IsScalar() || program.Scalar().empty()) fail(program, "full_screen must name a program file");
    step.kind = Step::Kind::FullScreen;
    const std::filesystem::path path(program.Scalar());
    step.file = path.is_absolute() ? path.string() : (std::filesystem::path(file).parent_path() / path).string();
  } else if (node["hardware_state"]) {
    check_keys(node, {"hardware_state", "adapter"}, "a hardware_state step");
    const YAML::Node what = node["hardware_state"];
    if (!what.IsScalar() || (what.Scalar() != "save" && what.Scalar() != "restore")) {
      fail(what, "hardware_state must be save or restore");
    }
    step.kind = Step::Kind::HardwareState;
    step.save = what.Scalar() == "save";
  } else {
    fail(node, "unknown step: use ioctl, wait, wait_interrupts, display_driver, screenshot, full_screen or "
               "hardware_state");
  }
  if (node["adapter"]) step.adapter = number(node["adapter"], "adapter", 7);
  step.line = line_of(node);
  return step;
}

videoport::RegistryValue registry_value(const std::string& name, const YAML::Node& node) {
  videoport::RegistryValue value;
  value.name = name;
  if (node.IsSequence()) {
    value.type = videoport::RegistryType::Binary;
    for (const auto& item : node) value.data.push_back(static_cast<std::uint8_t>(number(item, "a binary byte", 0xFF)));
    return value;
  }
  if (!node.IsScalar()) fail(node, fmt::format("registry value {} must be a number, a string or a list of bytes", name));
  const std::string& text = node.Scalar();
  bool numeric = !text.empty() && std::isdigit(static_cast<unsigned char>(text[0])) && node.Tag() != "!";
  if (numeric) {
    auto v = static_cast<std::uint32_t>(number(node, name.c_str()));
    value.type = videoport::RegistryType::Dword;
    for (int i = 0; i < 4; ++i) value.data.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  } else {
    value.type = videoport::RegistryType::String;
    for (unsigned char c : text) {
      value.data.push_back(c);
      value.data.push_back(0);
    }
    value.data.push_back(0);
    value.data.push_back(0);
  }
  return value;
}

}  // namespace

std::variant<Scenario, ScenarioError> parse_scenario(const std::string& text, const std::string& file) {
  Scenario scenario;
  scenario.file = file;
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) return ScenarioError{file, root ? line_of(root) : 1, "a scenario is a map with registry and steps"};
    check_keys(root, {"registry", "steps"}, "the scenario");
    if (const YAML::Node registry = root["registry"]) {
      if (!registry.IsMap()) fail(registry, "registry must be a map of value names to values");
      for (const auto& entry : registry) {
        scenario.registry.push_back(registry_value(entry.first.as<std::string>(), entry.second));
      }
    }
    const YAML::Node steps = root["steps"];
    if (!steps) return ScenarioError{file, line_of(root), "the scenario has no steps"};
    if (!steps.IsSequence()) fail(steps, "steps must be a list");
    for (const auto& step : steps) scenario.steps.push_back(parse_step(step, file));
  } catch (const YAML::ParserException& e) {
    return ScenarioError{file, e.mark.line + 1, e.msg};
  } catch (const Failure& f) {
    return ScenarioError{file, f.line, f.reason};
  }
  return scenario;
}

bool uses_full_screen(const Scenario& scenario) {
  for (const Step& step : scenario.steps) {
    if (step.kind == Step::Kind::FullScreen) return true;
  }
  return false;
}

std::variant<Scenario, ScenarioError> load_scenario(const std::string& path) {
  std::ifstream in(path);
  if (!in) return ScenarioError{path, 0, "cannot read the scenario file"};
  std::stringstream text;
  text << in.rdbuf();
  return parse_scenario(text.str(), path);
}

}  // namespace vidport::host
