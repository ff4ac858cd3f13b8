/*
 * poppack.h - restores the structure packing saved by the matching pshpack*.h. Deliberately
 * without an include guard: every inclusion pops once.
 */
#pragma pack(pop)
