; hostile.asm - a full-screen program that tries what a validator must survive: writes that
; would put the sequencer into asynchronous reset, select dot clocks a VGA does not have or
; chain-4 without extended memory, brackets ended wrongly and one left open, string I/O floods
; into the trapped ports, and 30000 pseudo-random port writes and reads (half of them aimed at
; the VGA's ports). Boot image at 0000:7C00 (vidport run --v86 hostile.bin).
; Writes "HOSTILE DONE\n" to the debug port E9h at the end, then HLT.
;   nasm -f bin -o hostile.bin hostile.asm

bits 16
org 0x7c00

seed    equ     0x0500                  ; the generator's state, in free low memory
buffer  equ     0x1000                  ; where the input flood lands

start:
        cli
        xor     ax, ax
        mov     ds, ax
        mov     es, ax
        mov     ss, ax
        mov     sp, 0x7c00
        mov     word [seed], 0x1234

        ; Invalid writes outside a bracket.
        mov     dx, 0x3c4
        mov     ax, 0x0000              ; SR00 = 00h: asynchronous reset
        out     dx, ax
        mov     ax, 0x0804              ; SR04 = 08h: chain-4 without extended memory
        out     dx, ax
        mov     dx, 0x3c2
        mov     al, 0x6f                ; Misc Output: clock 3
        out     dx, al
        mov     al, 0x6b                ; Misc Output: clock 2
        out     dx, al

        ; A bracket with invalid writes inside, a wrong end (SR00 = 02h) and then a right one.
        mov     dx, 0x3c4
        mov     ax, 0x0100
        out     dx, ax
        mov     dx, 0x3c2
        mov     al, 0x6f
        out     dx, al
        mov     dx, 0x3c4
        mov     ax, 0x0804
        out     dx, ax
        mov     ax, 0x0200              ; ends the synchronous reset but asserts the asynchronous one
        out     dx, ax
        mov     ax, 0x0300
        out     dx, ax

        ; String floods: 4096 bytes of the video ROM into SR00 (some start a reset, some end it,
        ; some are invalid) and 4096 more into Misc Output, and 4096 reads of SR01 into memory.
        mov     dx, 0x3c4
        xor     al, al
        out     dx, al
        inc     dx
        push    ds
        mov     ax, 0xc000
        mov     ds, ax
        xor     si, si
        mov     cx, 4096
        rep     outsb
        mov     dx, 0x3c2
        mov     cx, 4096
        rep     outsb
        pop     ds
        mov     dx, 0x3c4
        mov     al, 0x01
        out     dx, al
        inc     dx
        mov     di, buffer
        mov     cx, 4096
        rep     insb

        ; 30000 pseudo-random accesses (the generator's high byte is its random part).
        mov     cx, 30000
.random:
        push    cx
        call    rand
        mov     dx, ax
        test    ah, 0x80
        jz      .any_port
        mov     dl, ah                  ; aim at 3C0h-3DFh
        and     dx, 0x001f
        or      dx, 0x03c0
.any_port:
        call    rand
        mov     bl, ah
        call    rand
        mov     al, bl                  ; the value: two high bytes
        test    bl, 0x01
        jnz     .read
        test    bl, 0x02
        jnz     .word
        out     dx, al
        jmp     .next
.word:
        out     dx, ax
        jmp     .next
.read:
        in      al, dx
.next:
        pop     cx
        loop    .random

        ; Finally a bracket that is never closed.
        mov     dx, 0x3c4
        mov     ax, 0x0100
        out     dx, ax
        mov     ax, 0x0f02
        out     dx, ax

        mov     si, done
        mov     dx, 0xe9
.text:
        lodsb
        test    al, al
        jz      .halt
        out     dx, al
        jmp     .text
.halt:
        hlt
        jmp     .halt

; ax = the next value of a 16-bit linear congruential generator. Keeps dx.
rand:
        push    dx
        push    bx
        mov     ax, [seed]
        mov     bx, 25173
        mul     bx
        add     ax, 13849
        mov     [seed], ax
        pop     bx
        pop     dx
        ret

done:   db      "HOSTILE DONE", 10, 0
