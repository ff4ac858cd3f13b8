#include "pc/program.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

namespace vidport::pc {

namespace {

constexpr std::size_t kMaxComSize = 0xFF00;
constexpr std::size_t kMaxBootSize = Pc::kVideoWindowBase - kBootAddress;
constexpr std::uint32_t kExitStub = 0x0610;  // FA F4: cli; hlt

bool has_com_extension(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".com";
}

std::size_t max_size(Program::Kind kind) { return kind == Program::Kind::Com ? kMaxComSize : kMaxBootSize; }

void point_vector_at_exit_stub(Pc& pc, std::uint8_t vector) {
  std::uint8_t* entry = pc.memory() + 4u * vector;
  if (entry[0] | entry[1] | entry[2] | entry[3]) return;  // something installed a handler
  entry[0] = kExitStub & 0xFF;
  entry[1] = kExitStub >> 8;
  entry[2] = entry[3] = 0;  // segment 0000
}

}  // namespace

std::string read_program(const std::string& path, Program& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fmt::format("cannot read the program '{}'", path);
  out.kind = has_com_extension(path) ? Program::Kind::Com : Program::Kind::BootImage;
  out.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return fmt::format("error reading the program '{}'", path);
  if (out.bytes.empty()) return fmt::format("the program '{}' is empty", path);
  if (out.bytes.size() > max_size(out.kind)) {
    return fmt::format("the program '{}' is {} bytes; a {} holds at most {}", path, out.bytes.size(),
                       out.kind == Program::Kind::Com ? ".COM program" : "boot image loaded at 0000:7C00",
                       max_size(out.kind));
  }
  return "";
}

std::string place_program(Pc& pc, const Program& program) {
  if (program.bytes.empty() || program.bytes.size() > max_size(program.kind)) {
    return fmt::format("a program of {} bytes does not fit", program.bytes.size());
  }
  const std::uint8_t exit_stub[] = {0xFA, 0xF4};
  pc.load(kExitStub, exit_stub, sizeof exit_stub);
  point_vector_at_exit_stub(pc, 0x20);
  point_vector_at_exit_stub(pc, 0x21);

  x86emu_regs_t& r = pc.registers();
  r.R_EAX = r.R_EBX = r.R_ECX = r.R_EDX = r.R_ESI = r.R_EDI = r.R_EBP = 0;
  r.R_EFLG = 0x202;  // interrupts enabled, as a BIOS hands over
  if (program.kind == Program::Kind::BootImage) {
    pc.load(kBootAddress, program.bytes.data(), program.bytes.size());
    for (unsigned seg : {R_CS_INDEX, R_DS_INDEX, R_ES_INDEX, R_SS_INDEX, R_FS_INDEX, R_GS_INDEX}) pc.set_segment(seg, 0);
    r.R_EIP = kBootAddress;
    r.R_ESP = kBootAddress;
    return "";
  }

  const std::uint32_t psp = std::uint32_t{kComSegment} << 4;
  std::vector<std::uint8_t> header(0x100, 0);
  header[0x00] = 0xCD;  // INT 20h: a program that returns with RET lands here
  header[0x01] = 0x20;
  header[0x02] = 0x00;  // first segment beyond the program's memory: A000h
  header[0x03] = 0xA0;
  header[0x80] = 0x00;  // empty command tail
  header[0x81] = 0x0D;
  pc.load(psp, header.data(), header.size());
  pc.load(psp + 0x100, program.bytes.data(), program.bytes.size());
  const std::uint8_t zero_word[] = {0, 0};
  pc.load(psp + 0xFFFE, zero_word, sizeof zero_word);
  for (unsigned seg : {R_CS_INDEX, R_DS_INDEX, R_ES_INDEX, R_SS_INDEX, R_FS_INDEX, R_GS_INDEX}) {
    pc.set_segment(seg, kComSegment);
  }
  r.R_EIP = 0x100;
  r.R_ESP = 0xFFFE;
  return "";
}

}  // namespace vidport::pc
