; retrace_irq.asm - a boot sector that waits for three vertical-retrace interrupts from the VGA
; (tests/pc interrupt_test). It sets mode 13h through the BIOS, installs an IRQ 9 handler
; (INT 71h), arms the VGA's vertical interrupt (CRTC 11h: bit 4 = 1 releases the clear, bit 5 = 0
; enables it) and halts with interrupts on until the handler has counted three. The handler
; acknowledges each interrupt at the VGA (bit 4 = 0, then 1 again to re-arm) and sends the usual
; EOIs. Then it prints "IRQ3" and the frame count on port E9h and halts with interrupts off.
bits 16
org 0x7c00

start:  cli
        xor     ax, ax
        mov     ds, ax
        mov     ss, ax
        mov     sp, 0x7c00
        cld

        mov     ax, 0x0013
        int     0x10

        mov     word [0x71*4], irq9
        mov     word [0x71*4+2], 0
        mov     byte [count], 0

        mov     dx, 0x3D4
        mov     ax, 0x9E11              ; CR11 = 9Eh: keep protect (bit 7), release clear, enable
        out     dx, ax

.wait:  sti
        hlt
        cmp     byte [count], 3
        jb      .wait

        cli
        mov     dx, 0x3D4
        mov     ax, 0xAE11              ; CR11 = AEh: disable the vertical interrupt again
        out     dx, ax

        mov     si, msg
        mov     dx, 0xE9
.m:     lodsb
        or      al, al
        jz      .h
        out     dx, al
        jmp     .m
.h:     cli
        hlt
        jmp     .h

irq9:   push    ax
        push    dx
        inc     byte [count]
        mov     dx, 0x3D4
        mov     ax, 0x8E11              ; bit 4 = 0: clear the pending interrupt
        out     dx, ax
        mov     ax, 0x9E11              ; bit 4 = 1: re-arm for the next retrace
        out     dx, ax
        mov     al, 0x20                ; EOI to both PICs (vidport has none: ignored)
        out     0xA0, al
        out     0x20, al
        pop     dx
        pop     ax
        iret

count:  db      0
msg:    db      "IRQ3", 10, 0

        times 510-($-$$) db 0
        dw      0xAA55
