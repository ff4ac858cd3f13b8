/*
 * pshpack4.h - packs the structures that follow to 4-byte alignment, until poppack.h restores the
 * previous packing. Deliberately without an include guard: every inclusion pushes once.
 */
#pragma pack(push, 4)
