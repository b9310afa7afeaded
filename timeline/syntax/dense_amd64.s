#include "textflag.h"

// func addDenseAVX2(sc *votes, dense *int16, offs *uint32, n, chunks int)
//
// The scores stay in memory: each chunk of eight is loaded, added to and
// stored back for every row.
TEXT ·addDenseAVX2(SB), NOSPLIT, $0-40
	MOVQ sc+0(FP), DI
	MOVQ dense+8(FP), SI
	MOVQ offs+16(FP), BX
	MOVQ n+24(FP), CX
	MOVQ chunks+32(FP), DX

row:
	MOVLQZX (BX), AX
	LEAQ    (SI)(AX*2), R8
	MOVQ    DI, R9
	MOVQ    DX, R10

chunk:
	VPMOVSXWD (R8), Y0
	VPADDD    (R9), Y0, Y0
	VMOVDQU   Y0, (R9)
	ADDQ      $16, R8
	ADDQ      $32, R9
	DECQ      R10
	JNZ       chunk

	ADDQ $4, BX
	DECQ CX
	JNZ  row

	VZEROUPPER
	RET

// func addDense104AVX2(sc *votes, dense *int16, offs *uint32, n int)
//
// Rows of 104 weights: the 104 scores stay in thirteen registers (Y0-Y12)
// while the rows are added, so that each row costs 26 vector instructions.
TEXT ·addDense104AVX2(SB), NOSPLIT, $0-32
	MOVQ sc+0(FP), DI
	MOVQ dense+8(FP), SI
	MOVQ offs+16(FP), BX
	MOVQ n+24(FP), CX
	VMOVDQU 0(DI), Y0
	VMOVDQU 32(DI), Y1
	VMOVDQU 64(DI), Y2
	VMOVDQU 96(DI), Y3
	VMOVDQU 128(DI), Y4
	VMOVDQU 160(DI), Y5
	VMOVDQU 192(DI), Y6
	VMOVDQU 224(DI), Y7
	VMOVDQU 256(DI), Y8
	VMOVDQU 288(DI), Y9
	VMOVDQU 320(DI), Y10
	VMOVDQU 352(DI), Y11
	VMOVDQU 384(DI), Y12

row104:
	MOVLQZX (BX), AX
	LEAQ    (SI)(AX*2), R8
	VPMOVSXWD 0(R8), Y13
	VPADDD    Y13, Y0, Y0
	VPMOVSXWD 16(R8), Y14
	VPADDD    Y14, Y1, Y1
	VPMOVSXWD 32(R8), Y15
	VPADDD    Y15, Y2, Y2
	VPMOVSXWD 48(R8), Y13
	VPADDD    Y13, Y3, Y3
	VPMOVSXWD 64(R8), Y14
	VPADDD    Y14, Y4, Y4
	VPMOVSXWD 80(R8), Y15
	VPADDD    Y15, Y5, Y5
	VPMOVSXWD 96(R8), Y13
	VPADDD    Y13, Y6, Y6
	VPMOVSXWD 112(R8), Y14
	VPADDD    Y14, Y7, Y7
	VPMOVSXWD 128(R8), Y15
	VPADDD    Y15, Y8, Y8
	VPMOVSXWD 144(R8), Y13
	VPADDD    Y13, Y9, Y9
	VPMOVSXWD 160(R8), Y14
	VPADDD    Y14, Y10, Y10
	VPMOVSXWD 176(R8), Y15
	VPADDD    Y15, Y11, Y11
	VPMOVSXWD 192(R8), Y13
	VPADDD    Y13, Y12, Y12
	ADDQ $4, BX
	DECQ CX
	JNZ  row104

	VMOVDQU Y0, 0(DI)
	VMOVDQU Y1, 32(DI)
	VMOVDQU Y2, 64(DI)
	VMOVDQU Y3, 96(DI)
	VMOVDQU Y4, 128(DI)
	VMOVDQU Y5, 160(DI)
	VMOVDQU Y6, 192(DI)
	VMOVDQU Y7, 224(DI)
	VMOVDQU Y8, 256(DI)
	VMOVDQU Y9, 288(DI)
	VMOVDQU Y10, 320(DI)
	VMOVDQU Y11, 352(DI)
	VMOVDQU Y12, 384(DI)
	VZEROUPPER
	RET
