"""Checks for t_pdf_roles.sh (python3 t_pdf_roles.py CHECK ARGS...,
checks.py): the text of many paragraphs the PDF tests set."""
import checks


def paragraphs(*argv):
    """N paragraphs of Chinese text, to standard output."""
    n = int(argv[0])
    s = ["青禾村的田埂上，新来的禾木机慢慢走过一垄又一垄。",
         "村里的老人说，这样的景象从前只在梦里见过。",
         "合作社把机器借给各家各户，按天记账，年底再算。",
         "年轻人学得快，三五天就能把机器开得稳稳当当。",
         "今年的秧苗比往年齐整，水渠也修到了坡地的尽头。"]
    num = "一二三四五六七八九十"
    def para(k, m):
        return ''.join(s[(k + i) % 5] for i in range(m))
    out = ["春耕时节走访青禾村\t禾木机走进千家万户\t——一个山村的春天", "",
           "编者按：春天到了，本报记者走进青禾村，看一看新农具给村里带来的变化。", "",
           para(0, 3), ""]
    for r in range(n):
        out += [num[r % 10] + "、田间地头的新变化", ""]
        for k in range(1 + r % 3):
            out += [para(r + k, 2 + (r * 3 + k) % 4), ""]
        out += ["（一）机器下田", "", para(r + 1, 2 + r % 2), "",
                "（二）租借的办法", "",
                "记者：这台机器一天能耕多少地？", "",
                "农户：" + para(r + 2, 2 + r % 3), "",
                "图为青禾村村民在田间学习驾驶禾木机。", "",
                "（林小禾 摄）", "",
                para(r + 4, 3 + r % 4), ""]
    out += ["（本报记者 王青木）"]
    print('\n'.join(out))


checks.main(globals())
