; ntreset13h.asm - a full-screen program that programs the sequencer the way NT's VGA mode-set
; streams do: word OUTs to 3C4h inside a synchronous-reset bracket (SR00 = 01h ... SR00 = 03h),
; with Misc Output written inside it. Through a validating miniport the bracket is buffered and
; played back as a unit; a second bracket reads a register inside the reset, which forces an
; early playback. Boot image at 0000:7C00 (vidport run --v86 ntreset13h.bin).
;
; Result: mode 13h with pixel(x, y) = (x + y) & FFh over the BIOS palette, and
; "NTRESET13 DONE\n" on the debug port E9h. Then HLT.
;   nasm -f bin -o ntreset13h.bin ntreset13h.asm

bits 16
org 0x7c00

start:
        cli
        xor     ax, ax
        mov     ds, ax
        mov     ss, ax
        mov     sp, 0x7c00

        mov     ax, 0x0013              ; the BIOS sets mode 13h (its writes pass one by one)
        int     0x10

        ; Bracket 1: the sequencer and Misc Output of mode 13h, inside a synchronous reset.
        mov     dx, 0x3c4
        mov     ax, 0x0100              ; SR00 = 01h: start synchronous reset
        out     dx, ax
        mov     ax, 0x0101              ; SR01 = 01h: 8-dot characters
        out     dx, ax
        mov     ax, 0x0f02              ; SR02 = 0Fh: write all planes
        out     dx, ax
        mov     ax, 0x0003              ; SR03 = 00h
        out     dx, ax
        mov     ax, 0x0e04              ; SR04 = 0Eh: chain-4, odd/even off, extended memory
        out     dx, ax
        mov     dx, 0x3c2
        mov     al, 0x63                ; Misc Output: 25 MHz clock, colour, RAM enabled
        out     dx, al
        mov     dx, 0x3c4
        mov     ax, 0x0300              ; SR00 = 03h: end the reset
        out     dx, ax

        ; Bracket 2: read SR01 inside the reset and write it back.
        mov     ax, 0x0100
        out     dx, ax
        mov     al, 0x01
        out     dx, al                  ; index 1
        inc     dx
        in      al, dx                  ; SR01 as the card has it
        dec     dx
        mov     ah, al
        mov     al, 0x01
        out     dx, ax                  ; SR01 = the same value
        mov     ax, 0x0300
        out     dx, ax

        ; The picture: (x + y) & FFh.
        mov     ax, 0xa000
        mov     es, ax
        xor     di, di
        xor     bx, bx                  ; y
.row:
        xor     cx, cx                  ; x
.pixel:
        mov     al, cl
        add     al, bl
        stosb
        inc     cx
        cmp     cx, 320
        jne     .pixel
        inc     bx
        cmp     bx, 200
        jne     .row

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

done:   db      "NTRESET13 DONE", 10, 0
