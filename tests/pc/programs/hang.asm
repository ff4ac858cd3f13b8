; hang.asm - a boot sector that never halts (tests/pc: `vidport boot` must report the hang).
bits 16
org 0x7c00
        cli
.spin:  jmp     .spin
        times 510-($-$$) db 0
        dw      0xAA55
