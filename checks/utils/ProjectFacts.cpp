//===--- ProjectFacts.cpp -------------------------------------------------===//
//
// Compact JSON: every string (paths, USRs, names) once in a table, entries
// as arrays of indices and numbers. A unit's facts are a few percent of its
// source's size (docs/project-analysis.md has the figures).
//
//===----------------------------------------------------------------------===//

#include "ProjectFacts.h"
#include "llvm/ADT/StringMap.h"

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace clang::tidy::coro::utils {

namespace {

enum FunctionFlags : unsigned { IsCoroutine = 1, MarkedSink = 2, MarkedOpaque = 4 };
enum CallFlags : unsigned { IsVirtual = 1, IsPure = 2 };

class StringTable {
public:
  int64_t operator()(const std::string &S) {
    auto [It, New] = Index.try_emplace(S, Strings.size());
    if (New)
      Strings.push_back(S);
    return It->second;
  }
  Array take() { return std::move(Strings); }

private:
  llvm::StringMap<unsigned> Index;
  Array Strings;
};

Array place(const FactPlace &P, StringTable &S) {
  return Array{S(P.File), P.Offset, P.Line, P.Column};
}

/// Reads an array of facts, failing on the first entry of the wrong shape.
class Reader {
public:
  explicit Reader(const Array &Strings) : Strings(Strings) {}

  bool string(const Value &V, std::string &Out) {
    std::optional<int64_t> I = V.getAsInteger();
    if (!I || *I < 0 || static_cast<size_t>(*I) >= Strings.size())
      return false;
    std::optional<llvm::StringRef> S = Strings[*I].getAsString();
    if (!S)
      return false;
    Out = S->str();
    return true;
  }
  static bool number(const Value &V, unsigned &Out) {
    std::optional<int64_t> I = V.getAsInteger();
    if (!I || *I < 0 || *I > int64_t(~0u))
      return false;
    Out = static_cast<unsigned>(*I);
    return true;
  }
  /// Four values from \p At: file, offset, line, column.
  bool place(const Array &A, size_t At, FactPlace &Out) {
    return A.size() >= At + 4 && string(A[At], Out.File) &&
           number(A[At + 1], Out.Offset) && number(A[At + 2], Out.Line) &&
           number(A[At + 3], Out.Column);
  }

private:
  const Array &Strings;
};

} // namespace

Value toJSON(const UnitFacts &Facts) {
  StringTable S;
  Array Analyses;
  for (const AnalysisFacts &A : Facts.Analyses) {
    Array Functions;
    for (const FunctionFacts &F : A.Functions) {
      unsigned Flags = (F.Coroutine ? IsCoroutine : 0) |
                       (F.Marked == FunctionFacts::Mark::Sink ? MarkedSink : 0) |
                       (F.Marked == FunctionFacts::Mark::Opaque ? MarkedOpaque
                                                                : 0);
      Array Entry{S(F.Usr), S(F.Name), S(F.Place.File), F.Place.Offset,
                  F.Place.Line, F.Place.Column, Flags, S(F.CoroutineName)};
      if (F.Sink) {
        Array Sink = place(F.Sink->Place, S);
        Sink.push_back(S(F.Sink->Name));
        Entry.push_back(std::move(Sink));
      } else {
        Entry.push_back(nullptr);
      }
      Array Calls;
      for (const CallFact &C : F.Calls) {
        Array Call{S(C.Callee), S(C.Name)};
        for (Value &V : place(C.Place, S))
          Call.push_back(std::move(V));
        Call.push_back((C.Virtual ? IsVirtual : 0) | (C.Pure ? IsPure : 0));
        Calls.push_back(std::move(Call));
      }
      Entry.push_back(std::move(Calls));
      Array Overrides;
      for (const std::string &O : F.Overrides)
        Overrides.push_back(S(O));
      Entry.push_back(std::move(Overrides));
      Functions.push_back(std::move(Entry));
    }
    Analyses.push_back(Object{{"check", A.Check},
                              {"maxDepth", A.MaxDepth},
                              {"anyOverride", A.AnyOverride},
                              {"functions", std::move(Functions)}});
  }
  return Object{{"version", FactsVersion},
                {"main", Facts.MainFile},
                {"analyses", std::move(Analyses)},
                {"strings", S.take()}};
}

llvm::Expected<UnitFacts> unitFactsFromJSON(const Value &V) {
  auto Fail = [](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
  };
  const Object *O = V.getAsObject();
  if (!O)
    return Fail("facts are not a JSON object");
  std::optional<int64_t> Version = O->getInteger("version");
  if (!Version)
    return Fail("facts have no version");
  if (*Version != FactsVersion)
    return Fail("facts of version " + llvm::Twine(*Version) +
                ", this coro-tidy reads version " + llvm::Twine(FactsVersion));
  const Array *Strings = O->getArray("strings");
  const Array *Analyses = O->getArray("analyses");
  std::optional<llvm::StringRef> Main = O->getString("main");
  if (!Strings || !Analyses || !Main)
    return Fail("facts lack 'strings', 'analyses' or 'main'");
  Reader R(*Strings);
  UnitFacts Facts;
  Facts.MainFile = Main->str();
  for (const Value &AV : *Analyses) {
    const Object *AO = AV.getAsObject();
    if (!AO)
      return Fail("an analysis is not an object");
    AnalysisFacts A;
    std::optional<llvm::StringRef> Check = AO->getString("check");
    std::optional<int64_t> Depth = AO->getInteger("maxDepth");
    std::optional<bool> Any = AO->getBoolean("anyOverride");
    const Array *Functions = AO->getArray("functions");
    if (!Check || !Depth || *Depth < 0 || !Any || !Functions)
      return Fail("an analysis lacks 'check', 'maxDepth', 'anyOverride' or "
                  "'functions'");
    A.Check = Check->str();
    A.MaxDepth = static_cast<unsigned>(*Depth);
    A.AnyOverride = *Any;
    for (const Value &FV : *Functions) {
      const Array *E = FV.getAsArray();
      FunctionFacts F;
      unsigned Flags = 0;
      if (!E || E->size() != 11 || !R.string((*E)[0], F.Usr) ||
          !R.string((*E)[1], F.Name) || !R.place(*E, 2, F.Place) ||
          !Reader::number((*E)[6], Flags) ||
          !R.string((*E)[7], F.CoroutineName))
        return Fail("malformed function entry in '" + A.Check + "' facts");
      F.Coroutine = Flags & IsCoroutine;
      F.Marked = Flags & MarkedSink     ? FunctionFacts::Mark::Sink
                 : Flags & MarkedOpaque ? FunctionFacts::Mark::Opaque
                                        : FunctionFacts::Mark::None;
      if (const Array *Sink = (*E)[8].getAsArray()) {
        SinkFact S;
        if (Sink->size() != 5 || !R.place(*Sink, 0, S.Place) ||
            !R.string((*Sink)[4], S.Name))
          return Fail("malformed sink of '" + F.Name + "'");
        F.Sink = std::move(S);
      } else if (!(*E)[8].getAsNull()) {
        return Fail("malformed sink of '" + F.Name + "'");
      }
      const Array *Calls = (*E)[9].getAsArray();
      const Array *Overrides = (*E)[10].getAsArray();
      if (!Calls || !Overrides)
        return Fail("malformed calls of '" + F.Name + "'");
      for (const Value &CV : *Calls) {
        const Array *C = CV.getAsArray();
        CallFact Call;
        unsigned CallFlags = 0;
        if (!C || C->size() != 7 || !R.string((*C)[0], Call.Callee) ||
            !R.string((*C)[1], Call.Name) || !R.place(*C, 2, Call.Place) ||
            !Reader::number((*C)[6], CallFlags))
          return Fail("malformed call in '" + F.Name + "'");
        Call.Virtual = CallFlags & IsVirtual;
        Call.Pure = CallFlags & IsPure;
        F.Calls.push_back(std::move(Call));
      }
      for (const Value &OV : *Overrides) {
        std::string Usr;
        if (!R.string(OV, Usr))
          return Fail("malformed override list of '" + F.Name + "'");
        F.Overrides.push_back(std::move(Usr));
      }
      A.Functions.push_back(std::move(F));
    }
    Facts.Analyses.push_back(std::move(A));
  }
  return Facts;
}

Value indexToJSON(const std::vector<UnitFacts> &Units) {
  Array Entries;
  for (const UnitFacts &U : Units)
    Entries.push_back(toJSON(U));
  return Object{{"coroTidyIndex", FactsVersion}, {"units", std::move(Entries)}};
}

llvm::Expected<std::vector<UnitFacts>> indexFromJSON(const Value &V) {
  const Object *O = V.getAsObject();
  std::optional<int64_t> Version = O ? O->getInteger("coroTidyIndex") : std::nullopt;
  const Array *Entries = O ? O->getArray("units") : nullptr;
  if (!Version || !Entries)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a coro-tidy project index");
  if (*Version != FactsVersion)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "project index of version " + llvm::Twine(*Version) +
            ", this coro-tidy reads version " + llvm::Twine(FactsVersion));
  std::vector<UnitFacts> Units;
  for (const Value &E : *Entries) {
    llvm::Expected<UnitFacts> U = unitFactsFromJSON(E);
    if (!U)
      return U.takeError();
    Units.push_back(std::move(*U));
  }
  return Units;
}

static FactsSink *ActiveSink = nullptr;

FactsSink *FactsSink::active() { return ActiveSink; }
void FactsSink::activate(FactsSink *Sink) { ActiveSink = Sink; }

} // namespace clang::tidy::coro::utils
