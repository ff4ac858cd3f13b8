// A code address in a loaded module, resolved for humans: module, offset and nearest symbol. The
// absolute address is for resolving and for telling sites apart within one process; it is never
// printed, since it differs from process to process.
#pragma once

#include <cstdint>
#include <string>

namespace vidport::findings {

struct CallSite {
  std::uintptr_t address = 0;   // 0: unknown
  std::string module;           // file name of the module (no directory), "" if unknown
  std::uintptr_t module_offset = 0;
  std::string symbol;           // nearest function symbol at or before the address, "" if none
  std::uintptr_t symbol_offset = 0;

  // An unresolved site at `address` (resolved later, off the hot path).
  static CallSite at(std::uintptr_t address) {
    CallSite site;
    site.address = address;
    return site;
  }

  // "module+0xOFF (symbol+0xOFF)"; "code outside every module" when the address could not be
  // resolved (or is not resolved yet), "" for address 0.
  std::string describe() const;
};

// Resolves `address` (typically __builtin_return_address(0) of a DDK entry point) with the
// dynamic loader and the module's ELF symbol table (static functions included). Thread-safe;
// results per module are cached. Never fails: unresolved parts stay empty.
CallSite resolve_call_site(std::uintptr_t address);

}  // namespace vidport::findings
