"""Checks for t_pdf_breaking.sh (python3 t_pdf_breaking.py CHECK ARGS...,
checks.py): the English and Chinese texts whose lines are measured."""
import checks


def en_text(*argv):
    """The English fixture: hard words to hyphenate, soft hyphens."""
    words = ("The officer of the riverside office took the difficult affairs of "
             "the ferry in hand; efficient staff fitted the buffer with fluffy "
             "padding and committed to fortnightly scaffolding inspections. ")
    body = "\n\n".join(
        (words * (k % 3 + 1)).replace("inspections", "in\u00adspec\u00adtions")
        for k in range(6))
    long = "Brookhollowmeadowfieldstonecottagekeeperassociationmembershiproll"
    open(argv[0], "w", encoding="utf-8").write(
        "Ferry Notes\n\n" + body + "\n\nThe register lists " + long +
        " and " + long + long + " in full.\n")


def zh_text(*argv):
    """The Chinese fixture: runs of punctuation, quotes in quotes, long
    numbers, Latin words."""
    p = ["青禾村的渡口边，老船工说：“从前过河要等半天；如今，‘快船’一来，十分钟就到了！”",
         "合作社的账本上写着：二〇二〇年共运送旅客12345678人次（含学生）、货物3.5万吨……",
         "“‘好！’”他笑了。——这是他说得最多的一句话，《渡口志》里也记着。",
         "他一连问了三遍：“真的吗？”“真的吗？！”“真的吗？！……”",
         "船工们记得每一条水路、每一处暗礁（“老鹰嘴”“回水湾”）、每一个在岸边等船的孩子的名字。",
         "新船装了GPS和AIS，船长说这叫“Ferry 2.0”。"]
    num = "一二三四五六七八九十"
    body = "\n\n".join(num[k % 10] + "是" + "".join(p[(k + i) % len(p)] for i in range(k % 4 + 1))
                       for k in range(1, 16))
    open(argv[0], "w", encoding="utf-8").write("渡口记事\n\n" + body + "\n")


checks.main(globals())
