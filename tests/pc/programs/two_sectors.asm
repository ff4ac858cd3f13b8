; two_sectors.asm - a flat boot image longer than one sector (tests/pc program_test).
; The first sector jumps into the second; the second prints "SECTOR2" on port E9h and halts.
; On a real PC the first sector would have to load the second from disk; vidport loads the
; whole image at 0000:7C00.
bits 16
org 0x7c00

        cli
        xor     ax, ax
        mov     ds, ax
        jmp     second

        times 510-($-$$) db 0
        dw      0xAA55

second: mov     si, msg
        mov     dx, 0xE9
.next:  lodsb
        or      al, al
        jz      .done
        out     dx, al
        jmp     .next
.done:  cli
        hlt

msg:    db      "SECTOR2", 0
        times 1024-($-$$) db 0
