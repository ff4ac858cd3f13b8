/*
 * vidport/sal.h - Microsoft's source annotations (SAL) as empty macros.
 *
 * Driver sources carry SAL annotations that only Microsoft's static analyser reads; here they expand
 * to nothing so the sources compile unchanged. The older double-underscore spellings (__in, __out,
 * ...) are defined for C only: libstdc++ uses those names for its own parameters, so defining them
 * in C++ would break any standard header included afterwards.
 */
#ifndef VIDPORT_DDK_SAL_H
#define VIDPORT_DDK_SAL_H

#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _In_reads_(size)
#define _In_reads_opt_(size)
#define _In_reads_bytes_(size)
#define _In_reads_bytes_opt_(size)
#define _In_range_(low, high)
#define _Out_
#define _Out_opt_
#define _Out_writes_(size)
#define _Out_writes_opt_(size)
#define _Out_writes_bytes_(size)
#define _Out_writes_bytes_opt_(size)
#define _Out_writes_to_(size, count)
#define _Out_writes_bytes_to_(size, count)
#define _Out_writes_all_(size)
#define _Out_writes_bytes_all_(size)
#define _Out_range_(low, high)
#define _Inout_
#define _Inout_opt_
#define _Inout_z_
#define _Inout_updates_(size)
#define _Inout_updates_opt_(size)
#define _Inout_updates_bytes_(size)
#define _Inout_updates_bytes_opt_(size)
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Outptr_result_buffer_(size)
#define _Outptr_result_bytebuffer_(size)
#define _Deref_out_range_(low, high)
#define _Ret_maybenull_
#define _Ret_notnull_
#define _Ret_range_(low, high)
#define _Must_inspect_result_
#define _Check_return_
#define _Success_(expr)
#define _Return_type_success_(expr)
#define _When_(expr, annotation)
#define _Pre_satisfies_(expr)
#define _Post_satisfies_(expr)
#define _Pre_notnull_
#define _Post_notnull_
#define _Post_invalid_
#define _Notnull_
#define _Maybenull_
#define _Null_terminated_
#define _NullNull_terminated_
#define _Reserved_
#define _Use_decl_annotations_
#define _Function_class_(name)
#define _Printf_format_string_
#define _Field_size_(size)
#define _Field_size_opt_(size)
#define _Field_size_bytes_(size)
#define _Field_size_bytes_opt_(size)
#define _Field_range_(low, high)
#define _Analysis_assume_(expr)
#define _Analysis_mode_(mode)
#define _Requires_lock_held_(lock)
#define _Requires_lock_not_held_(lock)
#define _Acquires_lock_(lock)
#define _Releases_lock_(lock)
#define _Acquires_exclusive_lock_(lock)
#define _Releases_exclusive_lock_(lock)
#define _Guarded_by_(lock)
#define _Interlocked_operand_
#define _IRQL_requires_(irql)
#define _IRQL_requires_max_(irql)
#define _IRQL_requires_min_(irql)
#define _IRQL_requires_same_
#define _IRQL_raises_(irql)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(kind, param)
#define _IRQL_restores_global_(kind, param)
#define _IRQL_always_function_max_(irql)
#define _IRQL_always_function_min_(irql)
#define _Kernel_float_saved_
#define _Kernel_float_restored_
#define _Kernel_requires_resource_held_(resource)
#define _Dispatch_type_(type)

#ifndef __cplusplus
#define __in
#define __in_opt
#define __out
#define __out_opt
#define __inout
#define __inout_opt
#define __in_bcount(size)
#define __in_ecount(size)
#define __out_bcount(size)
#define __out_ecount(size)
#define __inout_bcount(size)
#define __inout_ecount(size)
#define __deref_out
#define __success(expr)
#define __checkReturn
#define __drv_maxIRQL(irql)
#define __drv_minIRQL(irql)
#define __drv_requiresIRQL(irql)
#define __drv_raisesIRQL(irql)
#define __drv_savesIRQL
#define __drv_restoresIRQL
#define __drv_when(expr, annotation)
#define __drv_functionClass(name)
#endif

#endif /* VIDPORT_DDK_SAL_H */
