#include "devices/vga/vga.h"

namespace vidport::devices::vga {

Vga::Vga(kernel::Clock& clock, bus::InterruptLines& lines, VgaOptions options)
    : clock_(clock), lines_(lines), options_(options) {}

Vga::~Vga() {
  std::lock_guard lock(mutex_);
  cancel_retrace_event_locked();
}

bool Vga::attach(bus::IoBus& bus) {
  return bus.map_ports(0x3B0, 0x3BB, *this, bus::kByteAccess, "vga") &&
         bus.map_ports(0x3C0, 0x3DF, *this, bus::kByteAccess, "vga") &&
         bus.map_memory(VideoMemory::kWindowBase, VideoMemory::kWindowSize, *this, bus::kByteAccess, "vga memory");
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

DisplayTiming Vga::timing() const {
  std::lock_guard lock(mutex_);
  return timing_locked();
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
      update_retrace_event_locked();  // the dot clock may have changed
      break;
    case 0x3C3: s.external.write_video_enable(v); break;
    case 0x3C4: s.sequencer.write_index(v); break;
    case 0x3C5:
      s.sequencer.write_data(v);
      if (s.sequencer.index == 1) update_retrace_event_locked();  // dot clock divide, 8/9 dots
      break;
    case 0x3C6: s.dac.pixel_mask = v; break;
    case 0x3C7: s.dac.set_read_index(v); break;
    case 0x3C8: s.dac.set_write_index(v); break;
    case 0x3C9: s.dac.write_data(v); break;
    case 0x3CE: s.graphics.write_index(v); break;
    case 0x3CF: s.graphics.write_data(v); break;
    default: break;
  }
}

void Vga::write_crtc_data_locked(std::uint8_t value) {
  Crtc& crtc = state_.crtc;
  crtc.write_data(value);
  if (crtc.index == 0x11 && !crtc.vertical_interrupt_clear_released() && state_.vertical_interrupt_pending) {
    state_.vertical_interrupt_pending = false;
    lines_.set_line(options_.irq, false);
  }
  // Cursor and start address updates are frequent and never move the retrace.
  if (crtc.index < 0x0C || crtc.index > 0x0F) update_retrace_event_locked();
}

std::uint32_t Vga::read_memory(std::uint64_t address, bus::Width) {
  std::lock_guard lock(mutex_);
  if (!state_.external.ram_enabled()) return 0xFF;
  std::optional<std::uint32_t> offset = VideoMemory::window_offset(address, state_.graphics);
  if (!offset) return 0xFF;
  return state_.memory.read(*offset, state_.sequencer, state_.graphics);
}

void Vga::write_memory(std::uint64_t address, bus::Width, std::uint32_t value) {
  std::lock_guard lock(mutex_);
  if (!state_.external.ram_enabled()) return;
  std::optional<std::uint32_t> offset = VideoMemory::window_offset(address, state_.graphics);
  if (!offset) return;
  state_.memory.write(*offset, static_cast<std::uint8_t>(value), state_.sequencer, state_.graphics);
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
