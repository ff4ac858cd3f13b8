#include "pc/video_bios.h"

#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace vidport::pc {

namespace {
constexpr std::uint16_t kStackSegment = 0x8000;
constexpr std::uint16_t kStackPointer = 0xFFF0;
}  // namespace

std::string VideoBios::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fmt::format("cannot read the video BIOS ROM '{}' (install Debian's seabios package or pass --rom)", path);
  std::vector<std::uint8_t> image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return fmt::format("error reading the video BIOS ROM '{}'", path);
  return load(image, path);
}

std::string VideoBios::load(const std::vector<std::uint8_t>& image, const std::string& origin) {
  if (image.size() < 3 || image[0] != 0x55 || image[1] != 0xAA) {
    return fmt::format("'{}' is not an option ROM (no 55 AA signature)", origin);
  }
  if (image.size() > kRomMaxSize) {
    return fmt::format("'{}' is {} bytes; an option ROM at C0000 holds at most {}", origin, image.size(), kRomMaxSize);
  }
  pc_.load(kRomBase, image.data(), image.size());
  return "";
}

void VideoBios::use_bios_stack() {
  pc_.set_segment(R_SS_INDEX, kStackSegment);
  pc_.registers().R_ESP = kStackPointer;
}

RunResult VideoBios::initialize(const RunLimits& limits) {
  x86emu_regs_t& r = pc_.registers();
  r.R_EAX = r.R_EBX = r.R_ECX = r.R_EDX = r.R_ESI = r.R_EDI = r.R_EBP = 0;
  r.R_EFLG = 0x2;  // bit 1 always reads as one; interrupts off
  for (unsigned seg : {R_DS_INDEX, R_ES_INDEX, R_FS_INDEX, R_GS_INDEX}) pc_.set_segment(seg, 0);
  use_bios_stack();
  return pc_.call_far(static_cast<std::uint16_t>(kRomBase >> 4), 0x0003, limits);
}

std::string VideoBios::post(const std::string& rom_path, std::uint64_t* instructions) {
  if (std::string error = load(rom_path); !error.empty()) return error;
  const RunResult init = initialize();
  if (instructions != nullptr) *instructions += init.instructions;
  if (!init.halted()) return fmt::format("the video BIOS init failed: {}", init.message);
  const RunResult mode = int10(0x0003);  // AH=00h set mode, AL=03h
  if (instructions != nullptr) *instructions += mode.instructions;
  if (!mode.halted()) return fmt::format("the video BIOS could not set text mode 03h: {}", mode.message);
  return "";
}

RunResult VideoBios::int10(std::uint16_t ax, const RunLimits& limits) {
  pc_.registers().R_AX = ax;
  use_bios_stack();
  return pc_.interrupt(0x10, limits);
}

}  // namespace vidport::pc
