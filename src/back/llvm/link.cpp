// link.cpp — what the LLVM 16 C API cannot say. Link only the functions a module needs from another
// (Linker::LinkOnlyNeeded): nvptx.c links NVIDIA's libdevice (some 400 functions, 17 ms to parse whole)
// into a kernel that calls two or three of them: read lazily, only those (and what they call) are
// materialized and linked, in about a millisecond. Copy one function within its module (CloneFunction):
// direct.c's second level of a recursion, noalias.c's body for arguments that overlap.
#include <llvm/IR/Module.h>
#include <llvm/Linker/Linker.h>
#include <llvm/Transforms/Utils/Cloning.h>
#include <llvm-c/Core.h>
#include <memory>

// src (consumed) into dest; 0, or 1 when the linker reports an error
extern "C" int kiln_llvm_link_needed(LLVMModuleRef dest, LLVMModuleRef src) {
    std::unique_ptr<llvm::Module> s(llvm::unwrap(src));
    return llvm::Linker::linkModules(*llvm::unwrap(dest), std::move(s), llvm::Linker::Flags::LinkOnlyNeeded) ? 1 : 0;
}

// a copy of function f in f's module, named name; its calls (self calls too) call what f's call
extern "C" LLVMValueRef kiln_llvm_clone_fn(LLVMValueRef f, const char *name) {
    llvm::ValueToValueMapTy vmap;
    llvm::Function *g = llvm::CloneFunction(llvm::unwrap<llvm::Function>(f), vmap);
    g->setName(name);
    return llvm::wrap(g);
}
