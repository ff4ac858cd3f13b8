; psp.asm - a .COM program (tests/pc program_test). Prints on port E9h:
;   "CS=DS " when CS equals DS, "INT20 " when PSP:0000 holds INT 20h (CD 20),
;   "SP=FFFE " when it starts with SP = FFFEh,
; then returns with RET, which must reach INT 20h at PSP:0000 and end the program.
bits 16
org 0x100

        mov     dx, 0xE9
        mov     ax, cs
        mov     bx, ds
        cmp     ax, bx
        jne     .no_ds
        mov     si, cs_ds
        call    print
.no_ds: cmp     word [0], 0x20CD
        jne     .no_int
        mov     si, int20
        call    print
.no_int:
        cmp     sp, 0xFFFE
        jne     .no_sp
        mov     si, sp_ok
        call    print
.no_sp: ret

print:  lodsb
        or      al, al
        jz      .done
        out     dx, al
        jmp     print
.done:  ret

cs_ds:  db      "CS=DS ", 0
int20:  db      "INT20 ", 0
sp_ok:  db      "SP=FFFE ", 0
