"""Inputs t_cli.sh reads (python3 t_cli.py CHECK ARGS..., checks.py):
texts in other encodings than UTF-8, and a file that is no text."""
import os
import zipfile

import checks


def _put(path, b):
    with open(path, 'wb') as f:
        f.write(b)


def utf32(d):
    """u32.txt (UTF-32 with its BOM), u32be.txt (big-endian, its BOM
    written) and gbk.txt (GBK, its last character cut short) in d."""
    _put(os.path.join(d, 'u32.txt'), '标题\n\n正文有😀表情。\n'.encode('utf-32'))
    _put(os.path.join(d, 'u32be.txt'), b'\x00\x00\xfe\xff' +
         '标题\n\n正文有😀。\n'.encode('utf-32-be'))
    _put(os.path.join(d, 'gbk.txt'), '标题\n\n正文。'.encode('gbk') + b'\xb0')


def legacy(d):
    """big5.txt (Big5) and gb.txt (GB18030) in d."""
    _put(os.path.join(d, 'big5.txt'), '標題\n\n這是一個關於臺灣學校與圖書館的'
         '報導，學生們很高興。\n'.encode('big5'))
    _put(os.path.join(d, 'gb.txt'), '标题\n\n这是一个关于学校与图书馆的报道，'
         '学生们很高兴。\n'.encode('gb18030'))


def docx(path):
    """A Word document's skeleton at path."""
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr('[Content_Types].xml', '<Types/>')
        z.writestr('word/document.xml', '<w:document/>')


checks.main(globals())
