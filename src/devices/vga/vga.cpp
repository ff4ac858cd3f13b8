#include "devices/vga/vga.h"

namespace vidport::devices::vga {

Vga::Vga(kernel::Clock& clock, bus::InterruptLines& lines, VgaOptions options)
    : clock_(clock), lines_(lines), options_(options),
      memory_mode_(derive_memory_mode(state_.external, state_.sequencer, state_.graphics)) {}

Vga::~Vga() {
  std::lock_guard lock(mutex_);
  cancel_retrace_event_locked();
}

bool Vga::attach(bus::IoBus& bus) {
  return bus.map_ports(0x3B0, 0x3BB, *this, bus::kByteAccess, "vga") &&
         bus.map_ports(0x3C0, 0x3DF, *this, bus::kByteAccess, "vga") &&
         bus.map_memory(VideoMemory::kWindowBase, VideoMemory::kWindowSize, *this, bus::kAnyWidth, "vga memory");
}

image::Image Vga::render() const {
  VgaState copy;
  BlinkPhase blink;
  {
    std::lock_guard lock(mutex_);
    copy = state_;
    blink = BlinkPhase::at_frame(beam_at(timing_locked(), clock_.now()).frame);
  }
  return render_frame(copy, options_.render, blink);
}

VgaState Vga::snapshot() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void Vga::restore(const VgaState& state) {
  std::lock_guard lock(mutex_);
  state_ = state;
  update_memory_mode_locked();
  lines_.set_line(options_.irq, state_.vertical_interrupt_pending);
  update_retrace_event_locked();
}

DisplayTiming Vga::timing() const {
  std::lock_guard lock(mutex_);
  return timing_locked();
}

TearCounts Vga::tears() const {
  std::lock_guard lock(mutex_);
  return tear_oracle_.counts();
}

std::array<Tear, TearOracle::kKeptTears> Vga::first_tears() const {
  std::lock_guard lock(mutex_);
  return tear_oracle_.first_tears();
}

void Vga::reset_tears() {
  std::lock_guard lock(mutex_);
  tear_oracle_ = TearOracle{};
}

ProgrammingOracle Vga::programming_faults() const {
  std::lock_guard lock(mutex_);
  return programming_oracle_;
}

void Vga::set_programming_faults(const ProgrammingOracle& faults) {
  std::lock_guard lock(mutex_);
  programming_oracle_ = faults;
}

DisplayTiming Vga::timing_locked() const {
  return derive_timing(state_.external, state_.sequencer, state_.crtc, options_.refresh_hz);
}

bool Vga::decodes_locked(std::uint16_t port) const {
  if (port >= 0x3B0 && port <= 0x3BF) return !state_.external.colour_base();
  if (port >= 0x3D0 && port <= 0x3DF) return state_.external.colour_base();
  return true;
}

std::uint8_t Vga::input_status_0_locked() const {
  // Bit 4 (switch sense) and bits 6-5 (feature inputs) read 0: no monitor sense is modelled.
  return state_.vertical_interrupt_pending ? 0x80 : 0x00;
}

std::uint8_t Vga::input_status_1_locked() {
  state_.attribute.reset_flip_flop();
  BeamPosition beam = beam_at(timing_locked(), clock_.now());
  // Bits 5-4 (the diagnostic mux of AR12) read 0.
  return static_cast<std::uint8_t>((beam.vertical_retrace ? 0x08 : 0) | (beam.display_disabled ? 0x01 : 0));
}

std::uint32_t Vga::read_port(std::uint16_t port, bus::Width) {
  std::lock_guard lock(mutex_);
  if (!decodes_locked(port)) return 0xFF;
  VgaState& s = state_;
  switch (port) {
    case 0x3B4: case 0x3D4: return s.crtc.read_index();
    case 0x3B5: case 0x3D5: return s.crtc.read_data();
    case 0x3BA: case 0x3DA: return input_status_1_locked();
    case 0x3C0: return s.attribute.read_index();
    case 0x3C1: return s.attribute.read_data();
    case 0x3C2: return input_status_0_locked();
    case 0x3C3: return s.external.video_enable;
    case 0x3C4: return s.sequencer.read_index();
    case 0x3C5: return s.sequencer.read_data();
    case 0x3C6: return s.dac.pixel_mask;
    case 0x3C7: return s.dac.state();
    case 0x3C8: return s.dac.write_index;
    case 0x3C9: return s.dac.read_data();
    case 0x3CA: return s.external.feature_control;
    case 0x3CC: return s.external.misc_output;
    case 0x3CE: return s.graphics.read_index();
    case 0x3CF: return s.graphics.read_data();
    default: return 0xFF;
  }
}

void Vga::write_port(std::uint16_t port, bus::Width, std::uint32_t value) {
  auto v = static_cast<std::uint8_t>(value);
  std::lock_guard lock(mutex_);
  if (!decodes_locked(port)) return;
  VgaState& s = state_;
  switch (port) {
    case 0x3B4: case 0x3D4: s.crtc.write_index(v); break;
    case 0x3B5: case 0x3D5: write_crtc_data_locked(v); break;
    case 0x3BA: case 0x3DA: s.external.feature_control = v; break;
    case 0x3C0: s.attribute.write(v); break;
    case 0x3C2:
      s.external.misc_output = v;
      programming_oracle_.on_register_write(port, kMiscOutputRegister, v, clock_.now());
      update_memory_mode_locked();    // RAM enable
      update_retrace_event_locked();  // the dot clock may have changed
      break;
    case 0x3C3: s.external.write_video_enable(v); break;
    case 0x3C4: s.sequencer.write_index(v); break;
    case 0x3C5:
      s.sequencer.write_data(v);
      if (s.sequencer.index < Sequencer::kCount) {
        programming_oracle_.on_register_write(port, s.sequencer.index, s.sequencer.reg[s.sequencer.index], clock_.now());
      }
      if (s.sequencer.index == 1) update_retrace_event_locked();  // dot clock divide, 8/9 dots
      update_memory_mode_locked();                                // map mask, memory mode
      break;
    case 0x3C6: s.dac.pixel_mask = v; break;
    case 0x3C7: s.dac.set_read_index(v); break;
    case 0x3C8: s.dac.set_write_index(v); break;
    case 0x3C9: {
      DisplayTiming timing = timing_locked();
      kernel::ClockTime now = clock_.now();
      tear_oracle_.on_dac_write(timing, beam_at(timing, now), s.sequencer.screen_off(), now);
      s.dac.write_data(v);
      break;
    }
    case 0x3CE: s.graphics.write_index(v); break;
    case 0x3CF:
      s.graphics.write_data(v);
      update_memory_mode_locked();
      break;
    default: break;
  }
}

void Vga::write_crtc_data_locked(std::uint8_t value) {
  Crtc& crtc = state_.crtc;
  const unsigned start_before = crtc.start_address();
  crtc.write_data(value);
  if (crtc.start_address() != start_before) {
    DisplayTiming timing = timing_locked();
    kernel::ClockTime now = clock_.now();
    tear_oracle_.on_start_address_change(timing, beam_at(timing, now), state_.sequencer.screen_off(), now);
  }
  if (crtc.index == 0x11 && !crtc.vertical_interrupt_clear_released() && state_.vertical_interrupt_pending) {
    state_.vertical_interrupt_pending = false;
    lines_.set_line(options_.irq, false);
  }
  // Cursor and start address updates are frequent and never move the retrace.
  if (crtc.index < 0x0C || crtc.index > 0x0F) update_retrace_event_locked();
}

void Vga::update_memory_mode_locked() {
  memory_mode_ = derive_memory_mode(state_.external, state_.sequencer, state_.graphics);
}

bool Vga::inside_window_locked(std::uint64_t offset, unsigned bytes) const {
  return offset < memory_mode_.window_size && bytes <= memory_mode_.window_size - offset;
}

std::uint32_t Vga::read_memory(std::uint64_t address, bus::Width width) {
  const unsigned bytes = bus::bytes_of(width);
  std::lock_guard lock(mutex_);
  const std::uint64_t offset = address - memory_mode_.window_base;  // wraps when below the window
  if (inside_window_locked(offset, bytes)) {
    return state_.memory.read(static_cast<std::uint32_t>(offset), bytes, memory_mode_);
  }
  // Partly or wholly outside the window: the bytes outside read all ones.
  std::uint32_t value = 0;
  for (unsigned i = 0; i < bytes; ++i) {
    const std::uint32_t byte = offset + i < memory_mode_.window_size
                                   ? state_.memory.read(static_cast<std::uint32_t>(offset + i), 1, memory_mode_)
                                   : 0xFFu;
    value |= byte << (8 * i);
  }
  return value;
}

void Vga::write_memory(std::uint64_t address, bus::Width width, std::uint32_t value) {
  std::lock_guard lock(mutex_);
  write_memory_locked(address, bus::bytes_of(width), value);
}

void Vga::write_memory_repeated(std::uint64_t address, bus::Width width, std::uint32_t value,
                                std::uint32_t count, bool down) {
  const unsigned bytes = bus::bytes_of(width);
  std::lock_guard lock(mutex_);
  for (std::uint32_t n = 0; n < count; ++n) {
    write_memory_locked(address, bytes, value);
    address = down ? address - bytes : address + bytes;
  }
}

void Vga::write_memory_locked(std::uint64_t address, unsigned bytes, std::uint32_t value) {
  const std::uint64_t offset = address - memory_mode_.window_base;
  if (inside_window_locked(offset, bytes)) {
    state_.memory.write(static_cast<std::uint32_t>(offset), value, bytes, memory_mode_);
    return;
  }
  for (unsigned i = 0; i < bytes; ++i) {
    if (offset + i < memory_mode_.window_size) {
      state_.memory.write(static_cast<std::uint32_t>(offset + i), (value >> (8 * i)) & 0xFF, 1, memory_mode_);
    }
  }
}

void Vga::update_retrace_event_locked() {
  const Crtc& crtc = state_.crtc;
  bool can_raise = crtc.vertical_interrupt_clear_released() && !crtc.vertical_interrupt_disabled() &&
                   !state_.vertical_interrupt_pending;
  DisplayTiming timing = timing_locked();
  if (!can_raise || !timing.has_retrace()) {
    cancel_retrace_event_locked();
    return;
  }
  kernel::ClockTime when = next_retrace_start(timing, clock_.now());
  if (retrace_event_ != 0 && when == retrace_event_time_) return;
  cancel_retrace_event_locked();
  std::uint64_t generation = retrace_generation_;
  retrace_event_ = clock_.schedule_at(when, [this, generation] { on_retrace(generation); });
  retrace_event_time_ = when;
}

void Vga::cancel_retrace_event_locked() {
  if (retrace_event_ == 0) return;
  clock_.cancel(retrace_event_);
  retrace_event_ = 0;
  // A callback that already left the queue must find itself stale.
  ++retrace_generation_;
}

void Vga::on_retrace(std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  if (generation != retrace_generation_) return;
  retrace_event_ = 0;
  const Crtc& crtc = state_.crtc;
  if (crtc.vertical_interrupt_clear_released() && !crtc.vertical_interrupt_disabled() &&
      !state_.vertical_interrupt_pending) {
    state_.vertical_interrupt_pending = true;
    lines_.set_line(options_.irq, true);
  }
}

}  // namespace vidport::devices::vga
