// fmf.cpp — the one thing the LLVM 16 C API cannot do: put fast-math flags on
// an instruction (LLVMSetFastMathFlags arrived in LLVM 17). Used only when a
// context asks for fastmath, to let LLVM reassociate and vectorize reductions.
#include <llvm/IR/Instruction.h>
#include <llvm/IR/Operator.h>
#include <llvm-c/Core.h>

extern "C" void kiln_llvm_set_fast(LLVMValueRef v) {
    llvm::Value *x = llvm::unwrap(v);
    if (auto *i = llvm::dyn_cast<llvm::Instruction>(x))
        if (llvm::isa<llvm::FPMathOperator>(i)) i->setFast(true);
}
