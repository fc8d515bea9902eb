//===--- Streams.cpp ------------------------------------------------------===//

#include "Streams.h"
#include "Coroutines.h"
#include "QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::coro::utils {

namespace {

/// True if \p RD (a defined class) is, or derives from, one of \p Names.
bool definedAndDerivesFrom(const CXXRecordDecl *RD,
                           llvm::ArrayRef<llvm::StringRef> Names) {
  return RD && RD->hasDefinition() && isOrDerivesFrom(RD, Names);
}

/// True for in-memory streams (string and span streams), whose reads never
/// block.
bool isInMemoryStream(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  static const llvm::StringRef Names[] = {
      "std::basic_istringstream", "std::basic_stringstream",
      "std::basic_ispanstream",   "std::basic_spanstream",
      "std::basic_stringbuf",     "std::istrstream",
      "std::strstream",
  };
  return definedAndDerivesFrom(RD, Names);
}

/// True for a stream class (anything derived from std::basic_ios).
bool isStream(const CXXRecordDecl *RD) {
  return definedAndDerivesFrom(RD, {"std::basic_ios"});
}

/// True if \p Buffer, the argument a stream is constructed from, points to a
/// stream buffer that is known to hold its characters in memory: its class
/// (as written, not the std::basic_streambuf base it converts to) derives
/// from std::basic_streambuf but not from a buffer that does I/O (file,
/// stdio and socket buffers). A bare `std::streambuf *` may point to any of
/// them: unknown.
bool pointsToInMemoryBuffer(const Expr *Buffer) {
  QualType T = Buffer->IgnoreParenImpCasts()->getType();
  if (!T->isPointerType())
    return false;
  const CXXRecordDecl *RD = getRecord(T->getPointeeType());
  if (!RD || !RD->hasDefinition() ||
      qualifiedName(RD) == "std::basic_streambuf" ||
      !definedAndDerivesFrom(RD, {"std::basic_streambuf"}))
    return false;
  static const llvm::StringRef IoBuffers[] = {
      "std::basic_filebuf", "__gnu_cxx::stdio_filebuf",
      "__gnu_cxx::stdio_sync_filebuf", "boost::asio::basic_socket_streambuf",
      "asio::basic_socket_streambuf",
  };
  return !definedAndDerivesFrom(RD, IoBuffers);
}

/// True if some call in \p Body gives the stream \p Var another buffer
/// (`Var.rdbuf(p)`).
bool isRebuffered(const VarDecl *Var, const Stmt *Body) {
  if (!Body)
    return true;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Body))
    if (const CXXMethodDecl *Method = Member->getMethodDecl())
      if (Method->getIdentifier() && Method->getName() == "rdbuf" &&
          Member->getNumArgs() > 0)
        if (const auto *Ref = dyn_cast<DeclRefExpr>(
                Member->getImplicitObjectArgument()->IgnoreParenImpCasts()))
          if (Ref->getDecl() == Var)
            return true;
  for (const Stmt *Child : Body->children())
    if (Child && isRebuffered(Var, Child))
      return true;
  return false;
}

/// True if \p Stream names a local stream object (not a parameter, global
/// or member) that its function constructs over an in-memory stream buffer
/// (`std::istream in(&stringbuf);`) and never gives another one: reading it
/// reads memory.
bool isLocalStreamOverMemory(const Expr *Stream) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Stream->IgnoreParenImpCasts());
  if (!Ref)
    return false;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      Var->getType()->isReferenceType() || !Var->getInit())
    return false;
  const Expr *Init = Var->getInit()->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = Cast->getSubExpr()->IgnoreImplicit();
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
  if (!Construct || Construct->getNumArgs() != 1)
    return false;
  // The standard streams' `explicit basic_istream(basic_streambuf *)`; a
  // user's stream class may do anything with the pointer.
  const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
  if (!llvm::is_contained(
          std::initializer_list<llvm::StringRef>{"std::basic_istream",
                                                 "std::basic_ostream",
                                                 "std::basic_iostream"},
          qualifiedName(Class)) ||
      !pointsToInMemoryBuffer(Construct->getArg(0)))
    return false;
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  return Function && !isRebuffered(Var, Function->getBody());
}

} // namespace

const Expr *streamOperand(const Expr *Call) {
  if (const auto *CE = dyn_cast<CallExpr>(Call)) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(CE))
      return Member->getImplicitObjectArgument();
    return CE->getNumArgs() ? CE->getArg(0) : nullptr;
  }
  return nullptr;
}

bool readsMemory(const Expr *Call, const FunctionDecl *Callee) {
  if (qualifiedName(Callee).rfind("std::", 0) != 0)
    return false;
  const Expr *Stream = streamOperand(Call);
  if (!Stream)
    return false;
  QualType T = Stream->IgnoreParenBaseCasts()->getType();
  // Through a pointer (`source->read(...)`, a smart pointer's operator->)
  // only the pointee's class tells: a string stream reads memory however
  // it is reached.
  if (T->isPointerType()) {
    QualType Pointee = T->getPointeeType();
    return isStream(getRecord(Pointee)) && isInMemoryStream(Pointee);
  }
  if (!isStream(getRecord(T)))
    return false;
  return isInMemoryStream(T) || isLocalStreamOverMemory(Stream);
}

} // namespace clang::tidy::coro::utils
