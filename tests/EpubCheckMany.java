import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/*
 * EPUBCheck over many books in one JVM (its start-up, some seconds,
 * was most of an EPUB test's time): prints nothing for a book with
 * 0 fatals, 0 errors and 0 warnings (infos are fine), else "FAIL: BOOK"
 * and its report.  Exit status 1 if any book is not clean.  Run as
 * java -cp epubcheck.jar EpubCheckMany.java BOOK...
 */
public class EpubCheckMany {
	public static void main(String[] args) throws Exception {
		PrintStream out = System.out, err = System.err;
		int bad = 0;

		for (String f : args) {
			ByteArrayOutputStream buf = new ByteArrayOutputStream();
			PrintStream p = new PrintStream(buf, true, "UTF-8");
			System.setOut(p);
			System.setErr(p);
			try {
				new com.adobe.epubcheck.tool.EpubChecker()
				    .run(new String[] { f });
			} catch (Exception e) {
				e.printStackTrace(p);
			} finally {
				System.setOut(out);
				System.setErr(err);
			}
			String r = buf.toString("UTF-8");
			if (!r.contains("Messages: 0 fatals / 0 errors / 0 warnings")) {
				out.println("FAIL: " + f);
				out.print(r);
				bad++;
			}
		}
		out.flush();
		System.exit(bad > 0 ? 1 : 0);
	}
}
