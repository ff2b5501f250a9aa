/** The demo formula bar's local syntax: «;» between arguments, a decimal comma, Russian function names. */
import { toInvariant, toLocal } from "../../src/demo/formulaSyntax";

describe("Russian formula syntax", () => {
  it("reads «;» as the argument separator and «,» as the decimal separator", () => {
    expect(toInvariant("=EDU.ДОЛЯ(42;200)", "ru")).toBe("=EDU.ДОЛЯ(42,200)");
    expect(toInvariant("=EDU.ДОЛЯ(0,5;2)", "ru")).toBe("=EDU.ДОЛЯ(0.5,2)");
    expect(toInvariant("=A1*1,5+,25", "ru")).toBe("=A1*1.5+.25");
    expect(toInvariant("=1,5E+3", "ru")).toBe("=1.5E+3");
  });

  it("takes the Russian names of built-in functions and keeps EDU.* names as typed", () => {
    expect(toInvariant("=ЕСЛИ(B2>0;СУММ(A1:A3);0)", "ru")).toBe("=IF(B2>0,SUM(A1:A3),0)");
    expect(toInvariant("=еслиошибка(EDU.SHARE(1;2);\"\")", "ru")).toBe('=IFERROR(EDU.SHARE(1,2),"")');
    expect(toLocal("=IF(B2>0,SUM(A1:A3),0.5)", "ru")).toBe("=ЕСЛИ(B2>0;СУММ(A1:A3);0,5)");
  });

  it("never changes text in quotes or quoted sheet names", () => {
    expect(toInvariant('=ЕСЛИ(A1;"да; нет, 1,5";\'Лист; 1,5\'!B2)', "ru")).toBe('=IF(A1,"да; нет, 1,5",\'Лист; 1,5\'!B2)');
    expect(toLocal('=IF(A1,"a, b; 1.5",\'It\'\'s, 1.5\'!B2)', "ru")).toBe('=ЕСЛИ(A1;"a, b; 1.5";\'It\'\'s, 1.5\'!B2)');
    expect(toInvariant('=CONCAT("say ""1,5; 2"" ";A1)', "ru")).toBe('=CONCAT("say ""1,5; 2"" ",A1)');
  });

  it("leaves references, names with dots and digits in names alone", () => {
    expect(toLocal("=SUM($A$1:B20,Лист2!C3,EDU.DYNAMICS(B5,C5,\"gia9_rus_fail\"))", "ru")).toBe('=СУММ($A$1:B20;Лист2!C3;EDU.DYNAMICS(B5;C5;"gia9_rus_fail"))');
  });

  it("round-trips: local → invariant → local", () => {
    for (const f of ["=EDU.ДОЛЯ(42;200)", "=ЕСЛИ(A1>0,5;\"x;y\";-1,25)", "=ОКРУГЛ(СРЗНАЧ(A1:A9);2)"]) expect(toLocal(toInvariant(f, "ru"), "ru")).toBe(f);
  });

  it("a Russian workbook reads «42,200» as one number, as Russian Excel does", () => {
    expect(toInvariant("=EDU.SHARE(42,200)", "ru")).toBe("=EDU.SHARE(42.200)");
  });

  it("an English workbook keeps «,» and «.»; text that is not a formula passes unchanged", () => {
    expect(toInvariant("=EDU.SHARE(42,200)", "en")).toBe("=EDU.SHARE(42,200)");
    expect(toLocal("=EDU.SHARE(0.5,2)", "en")).toBe("=EDU.SHARE(0.5,2)");
    expect(toInvariant("1,5; 2", "ru")).toBe("1,5; 2");
  });
});
