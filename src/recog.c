/*
 * The shared recognisers: titles, datelines, dates, salutations,
 * headings, labels, and the tree helpers every reader uses to build
 * blocks.  Every reader calls down into this file; it calls no reader.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "parse.h"
#include "utf8.h"

static int	clause_depth(gunichar);

/* The Han characters, for a character class: PCRE's \\p{Han} also
 * matches Chinese punctuation (by the script extensions). */
#define HAN "\\x{3400}-\\x{9FFF}\\x{F900}-\\x{FAFF}\\x{20000}-\\x{2FA1F}"
static int	web_colon_early(const char *);
static int	find_date_warn(const char *, char **, int *, int *, int);
static int	speaker_like(const char *, int, int);
static int	heading_kind(const char *);

/* Dateline: who, where, when, and 电/讯; a byline in brackets may
 * follow after white space.  Month and day in any digits, the month
 * left out where an agency dates by the day ("台北29日電"); either
 * script's 电/電, 讯/訊.  Agencies bracket it in any of the brackets
 * of NEWS_OPEN ("【共同社马尼拉4月2日电】", "〔记者某某／台北报导〕"). */
#define NEWS_OPEN "[（(【〔［\\[]"
#define NEWS_CLOSE "[）)】〕］\\]]"
#define NEWS_NUM "(?:\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})"
#define NEWS_SENT "(电|讯|電|訊|消息|报道|報導|报导)"
#define NEWS_DATELINE \
	"^" NEWS_OPEN "?((?:(?!" NEWS_CLOSE ").){0,24}?)((?:(?:\\d{4}|[０-９]{4})年)?(?:" NEWS_NUM \
	"月)?" NEWS_NUM "日)" NEWS_SENT
/* Either script's 讯/訊, a special dispatch's 专讯/專訊 ("某某報專訊"). */
#define NEWS_XUN \
	"^" NEWS_OPEN "?(本报|本報|本刊|本网|本網|本台|新华社|新華社|中新社|" \
	"[" HAN "]{1,6}?(?:社|报|報|網|网|台)|" \
	"[" HAN "]{2,4}(?=[讯訊][\\s\\x{3000}（(]))()(?:专|專)?[讯訊]"
/* A dateline of place alone, closed by its bracket at once, as papers
 * that gather wires write it: "（北京综合讯）", "（巴尔的摩综合电）". */
#define NEWS_PLACE \
	"^" NEWS_OPEN "([" HAN "]{2,10}?)(?:综合|綜合)?()(?:电|讯|電|訊|报道|報導|报导)" NEWS_CLOSE
/* A byline without brackets after the dateline: "记者刘凡　周昌和",
 * names apart by spaces or 、, a space before the text. */
#define NEWS_BYLINE2 \
	"^[\\s\\x{00A0}\\x{3000}]*(((?:本报|本台|本刊|新华社|中新社)?" \
	"(?:特派|特约|駐|驻)?(?:记者|記者|通讯员|通訊員|实习生|實習生)" \
	"[\\s\\x{3000}]*[" HAN "·]{2,5}(?:[\\s\\x{3000}、]+[" HAN "·]{2,5})*))" \
	"[\\s\\x{00A0}\\x{3000}]+(?=\\S)"
#define NEWS_BYLINE \
	"^[\\s\\x{00A0}\\x{3000}]*([（(]([^（()）]{1,60})[）)])"

/* Agencies name themselves by these endings (新华社, 本报, 人民网). */
#define NEWS_AGENCY \
	"^(本报|本報|本刊|本网|本網|本台|新华社|新華社|中新社|" \
	".{1,8}?(?:社|报|報|网|網|台|臺|刊|中心))(.*)$"



/* Office words that precede a name in a Chinese speaker line. */
#define ZH_OFFICE "(主席|总理|部长|总统|书记|委员长|大使|秘书长|院长|主任|" \
	"局长|会长|省长|市长|校长|发言人|首相|国王|总干事|行长|董事长|理事长|" \
	"副主席|代表|团长|参赞|领事)"

/* Who wrote a text and who made its pictures, as credits name them. */
#define CREDIT_WRITE "(?:作者|撰文|撰稿|文|采写|採寫|报道|報導|报导|報道|采访|" \
	"採訪|整理)"
#define CREDIT_IMG "(?:摄影|攝影|图|圖|图片|圖片|摄|攝)"
#define CREDIT_ROLE "(?:文|作者|撰文|记者|記者|采写|採寫|报道|報導|报导|報道|" \
	"编辑|編輯|责编|責編|图|圖|图片|圖片|摄影|攝影|视觉|視覺|设计|設計|校对|" \
	"校對|排版|美编|美編|出品|监制|監製)"

/* The office of one who signs an address or a notice, after what
 * names the body ("青梧公司总经理"). */
#define SIGNER_OFFICE "[" HAN "]{0,10}(?:总经理|總經理|经理|經理|总裁|總裁|" \
	"董事长|董事長|理事长|理事長|校长|校長|院长|院長|所长|所長|馆长|館長|" \
	"厂长|廠長|社长|社長|会长|會長|行长|行長|主编|主編|主任|主席|书记|書記)"

/* A person's name: two to five Han characters, or a transliteration
 * with its middle dots. */
#define ZH_NAME "(?:[" HAN "]{2,5}|[" HAN "]{1,8}·[" HAN "·]{1,12})"

/* The kinds of speech a title ends with ("…上的讲话"): a name never
 * does. */
#define ZH_GENRE "(讲话|講話|致辞|致詞|贺词|賀詞|发言|發言|演讲|演講|" \
	"报告|報告|谈话|談話|答问|答問|声明|聲明)$"

/* An English month, in full or cut to three letters and a dot. */
#define EN_MONTH "January|February|March|April|May|June|July|August|" \
	"September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|" \
	"Aug|Sept|Sep|Oct|Nov|Dec)\\.?"

/* A number in a date: ASCII, full-width or Chinese digits. */
#define DATE_N "([0-9０-９]{1,4}|[〇○◯零一二三四五六七八九十]{1,4})"
#define RR_NUMS "[一二三四五六七八九十百零〇]"
#define RR_DAY "(?:\\d{1,2}|[０-９]{1,2}|" RR_NUMS "{1,3})"

/*
 * ---- Regular expressions of the recognisers, in one table ----
 *
 * Built once for the whole process (g_once: a batch parses files on
 * several threads), never freed.
 */
enum rx_id {
	RX_BYLINE_META_AGENCY,	/* dc_byline_meta() */
	RX_BYLINE_META_REP,	/* dc_byline_meta() */
	RX_BYLINE_META_SP,	/* dc_byline_meta() */
	RX_DATELINE,	/* dc_dateline_at() */
	RX_DATELINE_XUN,	/* dc_dateline_at() */
	RX_DATELINE_PLACE,	/* dc_dateline_at() */
	RX_DATELINE_DASH,	/* dc_dateline_at(): "北京——" */
	RX_DATELINE_REPORTER,	/* dateline_place() */
	RX_DATELINE_REPORT,	/* dateline_report() */
	RX_OPEN_BRACKET,	/* dc_dateline() */
	RX_DATELINE_BY,	/* dc_dateline() */
	RX_DATELINE_BY2,	/* dc_dateline() */
	RX_IS_ADDRESS_ZH,	/* dc_is_address() */
	RX_IS_ADDRESS_ZHEND,	/* dc_is_address() */
	RX_IS_ADDRESS_ORG,	/* addressee_form() */
	RX_IS_ADDRESS_EN,	/* dc_is_address() */
	RX_IS_THANKS_ZH,	/* dc_is_thanks() */
	RX_IS_THANKS_EN,	/* dc_is_thanks() */
	RX_SEG_ENUM_ZH,	/* dc_seg_enum() */
	RX_SEG_ENUM_EN,	/* dc_seg_enum() */
	RX_SEG_ENUM_ZHEND,	/* dc_seg_enum() */
	RX_SEG_ENUM_ENEND,	/* dc_seg_enum() */
	RX_FIND_DATE_EN1,	/* find_date() */
	RX_FIND_DATE_EN2,	/* find_date() */
	RX_FIND_DATE_ISO3,
	RX_FIND_DATE_MDY,	/* date_slashed() */
	RX_TITLE_DATE,	/* title_date() */
	RX_CLOCK12,	/* date_slashed() */	/* find_date() */
	RX_SPEAKER_LIKE_OFFICE,	/* speaker_like() */
	RX_SPEAKER_LIKE_SEP,	/* speaker_like() */
	RX_SPEAKER_LIKE_NAME,	/* speaker_like() */
	RX_SPEAKER_LIKE_GENRE,	/* speaker_like(): a title's ending */
	RX_FILE_TITLE,		/* "2013-04-28_title": a file's name */
	RX_STAMP_TIME,		/* header_stamp(): the time after a date */
	RX_TITLE_SPEAKER,	/* title_speaker(): "主席某某在…的讲话" */
	RX_OCCASION_SPEAKER,	/* occasion_meta(): "某某某在…的讲话" */
	RX_TITLE_PAREN_DATE,	/* title_undated(): "标题  （02-04）" */
	RX_SIGNER_OFFICE,	/* signoff_author(): "总经理：某某" */
	RX_DATE_TIME,		/* date_time_len(): a time after a date */
	RX_DATE_FIELD,		/* dc_parse_date(): a field after a date */
	RX_DATE_FIELD_AT,	/* date_line(): the same, right there */
	RX_CREDIT_WRITES,	/* header_credit(): roles that write */
	RX_CREDIT_NEXT,		/* header_credit(): a second credit */
	RX_TITLE_SITE,		/* title_unsited(): "标题_某某网" */
	RX_BREADCRUMB,		/* dc_header_lines(): "首页 > 新闻 > …" */
	RX_FIELD_LABEL,		/* header_fields(): "来源：", "作者：" */
	RX_WECHAT_LINE,		/* header_original(): "原创 某某 某号 日期" */
	RX_WIDGET_OPEN,		/* dc_header_lines(): "【字体：" */
	RX_STAFF,		/* trailer_form(): "值班编辑：某某" */
	RX_CREDIT_LINE,		/* header_credit(): "文｜某某", "编辑｜某某" */
	RX_HEADER_REPORTERS,
	RX_HEADER_REPORTED,	/* header_zh(): "■本报记者 某某" */
	RX_TRAIL_URL,		/* trailer_form(): an address alone */
	RX_TRAIL_LABEL,		/* trailer_form(): "来源：", "原标题：" */
	RX_SPEAKER_ZH_OFFICE,	/* speaker_zh() */
	RX_SPEAKER_EN_BY,	/* speaker_en() */
	RX_SPEAKER_EN_HON,	/* speaker_en() */
	RX_SPEAKER_EN_AT,	/* speaker_en() */
	RX_HEADER_LINES_COLL,	/* dc_header_lines() */
	RX_HEADER_UNIT,		/* unit_kicker() */
	RX_HEADER_ORIGTITLE,	/* header_origtitle() */
	RX_HEADER_OUTLET,	/* header_origtitle() */
	RX_HEADER_LINES_DOCNO,	/* dc_header_lines() */
	RX_HEADER_TITLE_DOCNO,	/* header_zh() */
	RX_HEADER_LINES_SUB,	/* dc_header_lines() */
	RX_HEADER_LINES_PAREN,	/* dc_header_lines() */
	RX_HEADER_LINES_DASH,	/* dc_header_lines() */
	RX_HEADER_LINES_SPK,	/* dc_header_lines() */
	RX_HEADER_LINES_HON,	/* dc_header_lines() */
	RX_HEADER_LINES_GENRE,	/* dc_header_lines() */
	RX_HEADER_LINES_OCC,	/* dc_header_lines() */
	RX_DATE_ZH,	/* find_date(): 2020年11月10日 in any digits */
	RX_R_NOTE,	/* editor's note opening */
	RX_R_HEADNOTE,	/* "这是某某在…的讲话。": a note on the text */
	RX_R_CAPTION,	/* caption opening */
	RX_R_CREDIT,	/* photo credit: the whole block */
	RX_R_CREDIT_END,	/* photo credit closing a block */
	RX_R_BYLINE,	/* closing byline in brackets */
	RX_R_BYLINE2,	/* closing byline without brackets */
	RX_R_DATELINE,	/* closing dateline in brackets */
	RX_R_DATELINE_END,	/* closing dateline ending the last paragraph */
	RX_R_BYLINE_END,	/* closing byline ending the last paragraph */
	RX_R_EDITOR,	/* "——编者" */
	RX_R_EDITOR_END,	/* "——编者" ending a paragraph */
	RX_R_SIGNED,	/* a signature: a name, in brackets or not */
	RX_R_TURN_ZH,	/* Chinese speaker label */
	RX_R_TURN_ALONE,	/* a speaker label alone on its line */
	RX_R_TURN_EN,	/* English speaker label */
	RX_R_TURN_STRONG,	/* labels that are turns wherever they stand */
	RX_R_SAYS,	/* a label that is a verb of saying, not a name */
	RX_R_NUM,	/* numbered heading: its numbering */
	RX_R_EN_BYLINE,	/* "(Reporting by …)" */
	RX_WRITER,	/* writer_name(): "作者：某某", "文｜某某" */
	RX_WRITER_AFTER,	/* writer_name(): "某某｜文" */
	RX_NAME_OFFICE,	/* person_name(): an office, then the name */
	RX_SOURCE_ZH,	/* dc_source_line(): "原文来自…", "转载自…" */
	RX_SOURCE_EN,	/* dc_source_line(): "Originally published in …" */
	RX__MAX
};

static const struct {
	const char		*pat;
	GRegexCompileFlags	 flags;
} rx_table[RX__MAX] = {
	[RX_BYLINE_META_AGENCY] = { NEWS_AGENCY, 0 },
	/* RX_BYLINE_META_REP: who the reporters are (any agency's
	 * "某某社记者", either script) and what they did ("报导", "摄"),
	 * around their names */
	[RX_BYLINE_META_REP] = { "^[" HAN "]{0,6}?(?:特派|特约|特約|駐|驻)?"
	  "(?:记者|記者|通讯员|通訊員|实习生|實習生|编辑|編輯)+\\s*|"
	  "\\s*(?:报导|报道|報導|報道|采写|採寫|摄|攝)$", 0 },
	[RX_BYLINE_META_SP] = { "[\\s\\x{3000}\\x{00A0}]+", 0 },
	[RX_DATELINE] = { NEWS_DATELINE, 0 },
	[RX_DATELINE_XUN] = { NEWS_XUN, 0 },
	[RX_DATELINE_PLACE] = { NEWS_PLACE, 0 },
	/* A place and a dash opening the report, as the Chinese
	 * editions of foreign papers write it: "北京——大家都知道…"; a
	 * sentence follows (a title's "——在…上的讲话" is a subtitle). */
	[RX_DATELINE_DASH] = { "^([" HAN "]{2,6})——(?=[^—\\s].{20,}?[，。])", 0 },
	[RX_DATELINE_REPORT] = { "^" NEWS_OPEN "?((?:[" HAN "]{0,6}?)(?:记者|記者|"
	  "编译|編譯|特派员|特派員)[^／/（()）〔〕【】\\s]{1,20})[／/]([" HAN "]{2,10}?)"
	  "(?:报导|报道|報導|報道)(?:" NEWS_CLOSE "|(?=[\\s\\x{3000}]|$))", 0 },
	[RX_DATELINE_REPORTER] = { "^(?:特派|特约|特約|駐|驻)?(?:记者|記者)"
	  "([" HAN "·、]{2,40})$", 0 },
	[RX_OPEN_BRACKET] = { "^" NEWS_OPEN, 0 },
	[RX_DATELINE_BY] = { NEWS_BYLINE, 0 },
	[RX_IS_ADDRESS_ZH] = { "^(尊敬的|敬爱的|敬愛的|亲爱的|親愛的|各位|诸位|"
	  "諸位|女士们|女士們|先生们|先生們|朋友们|朋友們|同志们|"
	  "同志們|同学们|同學們|老师们|老師們)", 0 },
	[RX_IS_ADDRESS_ZHEND] = { "(们|們|阁下|閣下|陛下|殿下|"
	  "先生|女士|同事|朋友|来宾|來賓|嘉宾|嘉賓|代表|同志|同学|同學)"
	  "[，：！,:!]$", 0 },
	/* An official text's addressees: bodies named by what they are
	 * ("各乡镇农业站：", "市政府各部门、各直属单位："), a colon after
	 * the last and nowhere else. */
	[RX_IS_ADDRESS_ORG] = { "^[^：:。；？！\\s]{1,58}(?:部门|部門|单位|"
	  "單位|机关|機關|政府|委员会|委員會|局|厅|廳|院|站|公司|学校|學校|"
	  "处|處|室|中心|机构|機構|党委|黨委|党组|黨組|街道|乡镇|鄉鎮|镇|鎮|"
	  "所|校|馆|館|协会|協會|队|隊|办|辦)[：:]$", 0 },
	[RX_IS_ADDRESS_EN] = { "^(Your (Excellenc|Majest|Royal|"
	  "Highness)|Dear |Ladies|Distinguished|Honou?rable|Excellenc|"
	  "Colleagues|Friends|My (dear )?(friends|colleagues|fellow)|"
	  "Fellow|Mr\\.? (President|Chairman|Speaker|Secretary)|"
	  "Madam|Members|Good (morning|afternoon|evening)|"
	  "Comrades|Respected|Esteemed)", 0 },
	[RX_IS_THANKS_ZH] = { "^(谢谢|謝謝|感谢|感謝|多谢|多謝|谢|謝)", 0 },
	[RX_IS_THANKS_EN] = { "^(Thank (you|u)|Thanks|Many thanks)", 0 },
	[RX_SEG_ENUM_ZH] = { "^(第[一二三四五六七八九十]{1,3}"
	  "(?=[，、：,:])|[一二三四五六七八九十]{1,3}是|"
	  "[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十"
	  "\\d]{1,3}[）)]|\\d{1,2}[.、．](?!\\d))", 0 },
	[RX_SEG_ENUM_EN] = { "^((First|Second|Third|Fourth|"
	  "Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(ly)?(?=[,:])|"
	  "\\d{1,2}\\.(?= )|\\([a-z\\d]{1,2}\\)(?= ))", 0 },
	[RX_SEG_ENUM_ZHEND] = { "[。！？；]”?", 0 },
	[RX_SEG_ENUM_ENEND] = { "[.!?][”’\"]?(?= )", 0 },
	/* Months in full or cut to three letters, as feeds and mail
	 * headers write them ("Wed, 01 Jul 2020 20:10:53 +0000"). */
	[RX_FIND_DATE_EN1] = { "\\b(\\d{1,2})(?:st|nd|rd|th)? (" EN_MONTH "),? "
	  "(\\d{4})\\b", 0 },
	[RX_FIND_DATE_EN2] = { "\\b(" EN_MONTH ") (\\d{1,2})(?:st|nd|rd|th)?,? "
	  "(\\d{4})\\b", 0 },
	[RX_FIND_DATE_MDY] = { "(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})"
	  "(?![\\d/])", 0 },
	[RX_CLOCK12] = { "^[\\s\\x{00A0}]+\\d{1,2}:\\d{2}(?::\\d{2})?"
	  "[\\s\\x{00A0}]*[AaPp]\\.?[Mm]\\b", 0 },
	[RX_TITLE_DATE] = { "[|｜·•—–][\\s\\x{3000}]*(\\S.{5,18})$", 0 },
	/* RX_FIND_DATE_ISO3: a time may follow ISO 8601's "T" */
	[RX_FIND_DATE_ISO3] = { "\\b(\\d{4})[-/.](\\d{1,2})[-/.]"
	  "(\\d{1,2})(?:\\b|(?=T\\d))", 0 },
	/* RX_SPEAKER_LIKE_OFFICE: an office and a name, after what names
	 * the office's body ("外交部长 某某"), never after a clause and a
	 * space (a headline's "某部三任部长落马 前部长某某被查") */
	[RX_SPEAKER_LIKE_OFFICE] = { "^[^\\s　]{0,20}?" ZH_OFFICE "[\\s　]*"
	  ZH_NAME "$", 0 },
	[RX_SPEAKER_LIKE_SEP] = { "[\\s　]" ZH_NAME "$", 0 },
	[RX_SPEAKER_LIKE_NAME] = { "^[" HAN "]{2,4}$", 0 },
	[RX_SPEAKER_LIKE_GENRE] = { ZH_GENRE, 0 },
	[RX_FILE_TITLE] = {
	  "^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})_[ \\t]*(\\S.*)$", 0 },
	[RX_STAMP_TIME] = {
	  "^[\\s\\x{3000}]*[0-9０-９]{1,2}[:：][0-9０-９]{2}", 0 },
	/* RX_TITLE_SPEAKER: office, name, and the verb after it */
	[RX_TITLE_SPEAKER] = {
	  "^(?|(.{0,16}" ZH_OFFICE ")([" HAN "]{2,4}?)|"
	/* or by the name and an honorific alone ("某某同志在…上的讲话"),
	 * or the name and a colon ("某某：在…上的讲话") */
	  "()()([" HAN "]{2,4}?)(?:同志|先生|女士|[ \\t\\x{3000}]*[：:]"
	  "[ \\t\\x{3000}]*))"
	  "(?:在|于|於|发表|發表|出席|同|向|致)", 0 },
	/* RX_OCCASION_SPEAKER: a name and "在", opening a subtitle */
	[RX_OCCASION_SPEAKER] = { "^(" ZH_NAME "?)(?:在|于|於)", 0 },
	/* RX_TITLE_PAREN_DATE: a date in brackets closing a title */
	[RX_TITLE_PAREN_DATE] = { "[\\s\\x{3000}]*[（(]((?:\\d{4}[-/.年])?"
	  "\\d{1,2}[-/.月]\\d{1,2}日?)[）)]$", 0 },
	[RX_SIGNER_OFFICE] = { "^(" SIGNER_OFFICE ")[：:\\s\\x{3000}]*"
	  "([" HAN "·]{2,4})$", 0 },
	/* The weekday and the time of day after a date ("（星期三）",
	 * " 周三 10:30", " 09:02:33", "T22:15"); and a field the line
	 * goes on to ("来源：某网"). */
	[RX_DATE_TIME] = { "^(?:[\\s\\x{3000}]*[（(]?(?:星期|禮拜|礼拜|周|週)"
	  "[一二三四五六日天][）)]?)?(?:(?:[\\s\\x{3000}]+|T)[0-9０-９]{1,2}[:：]"
	  "[0-9０-９]{2}(?:[:：][0-9０-９]{2}(?:\\.\\d+)?)?(?:[\\s]*[AaPp]\\.?"
	  "[Mm]\\.?)?)?", 0 },
	[RX_DATE_FIELD_AT] = { "^[\\s\\x{3000}]*(?:来源|來源|出处|出處|作者|编辑|"
	  "編輯|责任编辑|責任編輯|记者|記者|字号|字號)[ \\t\\x{3000}]*[:：]", 0 },
	[RX_DATE_FIELD] = { "[\\s\\x{3000}]*(?:来源|來源|出处|出處|作者|编辑|編輯|"
	  "责任编辑|責任編輯|记者|記者|字号|字號)[ \\t\\x{3000}]*[:：]", 0 },
	[RX_CREDIT_NEXT] = { "[\\s\\x{3000}]+" CREDIT_ROLE "[ \\t\\x{3000}]*"
	  "[｜|丨:：/╱／]|[\\s\\x{3000}]*[|｜][\\s\\x{3000}]*|[\\s\\x{3000}]+"
	  "(?:来源|來源|出处|出處|发布时间|發布時間|发布日期|發布日期|时间|時間|日期|"
	  "浏览次数|瀏覽次數)[ \\t\\x{3000}]*[:：]", 0 },
	/* RX_TITLE_SITE: a site's or a paper's name closing a title after
	 * "_", " - ", " | " or "｜": short, and named as outlets are */
	[RX_TITLE_SITE] = { "(?:_|[ \\t\\x{3000}]+[-–—|｜][ \\t\\x{3000}]*|"
	  "[ \\t\\x{3000}]*[｜|][ \\t\\x{3000}]*)([^_|｜\\s]{1,12}(?:网|網|报|報|社|台|"
	  "新闻|新聞|频道|頻道|官网|官網|在线|在線|日报|日報|晚报|晚報|时报|時報|周刊|週刊|"
	  "杂志|雜誌)(?:网|網|客户端|客戶端)?)$", 0 },
	/* RX_BREADCRUMB: a page's path to the text ("首页 > 新闻中心 >
	 * 本地新闻", "当前位置：首页 » 通知公告") */
	[RX_BREADCRUMB] = { "^(?:(?:当前位置|當前位置|您的位置|您现在的位置|你的位置|位置)"
	  "[：:]\\s*)?(?:首页|首頁|主页|主頁|网站首页|網站首頁|Home)\\s*(?:>|＞|»|›|→|/|＞＞|>>)", 0 },
	[RX_FIELD_LABEL] = { "(?:^|(?<=[\\s\\x{3000}|｜]))(?:来源|來源|出处|出處|作者|记者|"
	  "記者|编辑|編輯|责任编辑|責任編輯|发布时间|發布時間|发布日期|發布日期|时间|時間|日期|"
	  "浏览次数|瀏覽次數|浏览量|阅读|閱讀|点击|點擊|点击数|字号|字號)[ \\t\\x{3000}]*[:：]", 0 },
	[RX_WECHAT_LINE] = { "^(?:原创|原創)[\\s\\x{3000}]+(?:([" HAN "·]{2,5})"
	  "[\\s\\x{3000}]+)?(\\S{2,20})[\\s\\x{3000}]+(\\d{4}[-./年]\\d{1,2}[-./月]"
	  "\\d{1,2}日?(?:[\\s\\x{3000}]+\\d{1,2}:\\d{2})?)$", 0 },
	[RX_WIDGET_OPEN] = { "^[【\\[](?:字体|字體|字号|字號)[:：]$", 0 },
	[RX_CREDIT_WRITES] = { "(?:^|[．・·、/／])(?:文|作者|撰文|记者|記者|采写|"
	  "採寫|报道|報導|报导|報道)(?:$|[．・·、/／])", 0 },
	/* RX_STAFF: who edited, checked or produced the text */
	[RX_STAFF] = {
	  "^[（(【\\[]?[" HAN "]{0,4}(?:编辑|編輯|校对|校對|审校|審校|编审|編審|"
	  "审核|審核|监制|監製|统筹|統籌|排版|美编|美編)[ \\t\\x{3000}]*[：:|｜]", 0 },
	/* RX_HEADER_REPORTERS: a header line of reporters and nothing
	 * else, an ornament before it as papers print it */
	[RX_HEADER_REPORTERS] = {
	  "^[■●◆▲□★☆◎※＊*\\s\\x{3000}]*((?:[" HAN "]{0,6}?)(?:特派|特约|特約|"
	  "駐|驻)?(?:记者|記者|通讯员|通訊員|实习生|實習生)(?:[\\s\\x{3000}]+"
	  "[" HAN "·]{2,5}|[" HAN "·]{2,3})(?:[\\s\\x{3000}、]+(?:(?:记者|記者|通讯员|通訊員|"
	  "实习生|實習生)[\\s\\x{3000}]*)?[" HAN "·]{2,5})*)$", 0 },
	/* RX_HEADER_REPORTED: a reporter's line that says where the
	 * report was made, no space between name and place:
	 * "本报记者周昊广州报道" */
	[RX_HEADER_REPORTED] = {
	  "^[■●◆▲□★☆◎※＊*\\s\\x{3000}]*((?:[" HAN "]{0,6}?)(?:特派|特约|特約|"
	  "駐|驻)?(?:记者|記者))[\\s\\x{3000}]*([" HAN "·]{2,7}?)"
	  "(?:报道|报导|報導|報道)$", 0 },
	/* RX_CREDIT_LINE: a credit, the name after a bar or a colon */
	/* Several roles may share one credit, joined by a dot or a
	 * slash ("報導．攝影╱某某"): group 1 holds them all. */
	[RX_CREDIT_LINE] = {
	  "^(" CREDIT_ROLE "(?:[．・·、/／]" CREDIT_ROLE ")*)"
	  "[ \\t\\x{3000}]*[｜|丨:：/╱][ \\t\\x{3000}]*(\\S.{0,24})$", 0 },
	[RX_TRAIL_URL] = {
	  "^(?:(?:https?|ftp)://|www\\.)[^\\s]+$", G_REGEX_CASELESS },
	/* RX_TRAIL_LABEL: a crawler's or CMS's label (as the markup
	 * layer's): after the text, where it came from and who made it */
	/* RX_TRAIL_LABEL: a crawler's or CMS's label (as the markup
	 * layer's): after the text, where it came from and who made it */
	[RX_TRAIL_LABEL] = { "^(标题|主标题|題目|题目|標題|副标题|副標題|引题|引題|肩题|作者|"
	  "来源|來源|出处|出處|稿源|日期|时间|時間|发布时间|發布時間|发布日期|"
	  "链接|鏈接|网址|網址|原文链接|原文地址|原文网址|正文|内容|內容|"
	  "责任编辑|責任編輯|编辑|編輯|原标题|原標題|"
	  "URL|Url|url|Link|Source|Title|Subtitle|Author|Date|Editor)"
	  "[ \\t\\x{3000}]*[：:]|"
	  /* or said as a sentence: "原标题为《…》", "作者系某校教授" */
	  "^(?:原标题|原標題|本文原标题|作者|本文作者|译者|譯者)(?:为|為|系|是)"
	  "(?=\\S)", 0 },
	[RX_SPEAKER_ZH_OFFICE] = { "^(.*" ZH_OFFICE ")(.{2,8})$", 0 },
	[RX_SPEAKER_EN_BY] = { "\\bby\\s+(.+)$", 0 },
	[RX_SPEAKER_EN_HON] = { "^((H\\.\\s?E\\.|His Excellency|"
	  "Her Excellency|(?:Mr|Ms|Mrs|Dr|Prof)\\.?|Madam|Mister)\\s+)+", 0 },
	[RX_SPEAKER_EN_AT] = { "\\s(at|on|to|before|during)\\s", 0 },
	[RX_HEADER_LINES_COLL] = { "^(\\d{1,4})[.、．]\\s*\\S", 0 },
	/* "（原标题：…）": the title the text had where it first stood,
	 * bracketed or not; the title as group 1 */
	[RX_HEADER_ORIGTITLE] = {
	  "^[（(【\\[]?[\\s\\x{3000}]*(?:原标题|原標題|原题|原題)"
	  "[\\s\\x{3000}]*[：:][\\s\\x{3000}]*(.+?)[\\s\\x{3000}]*"
	  "[）)】\\]]?$", 0 },
	/* "【某某报】": an outlet's name in black brackets alone on its
	 * line, as papers tag the story they ran; the name as group 1 */
	[RX_HEADER_OUTLET] = {
	  "^【([^【】。！？，]{1,14}(?:报|報|社|网|網|台|刊|杂志|雜誌))】$", 0 },
	/* The label and number of a larger unit of a book or course
	 * ("Chapter 10.", "Part II", "第十章", "卷三", "第2课"), its
	 * name maybe after it */
	[RX_HEADER_UNIT] = {
	  "^(?:(?:Chapter|CHAPTER|Part|PART|Book|BOOK|Volume|Unit|UNIT|"
	  "Lesson|Module|Week)\\s+(?:\\d{1,3}|[IVXLC]{1,6})\\b|"
	  "第[0-9０-９一二三四五六七八九十百零〇]{1,4}[章卷部篇编編课課单單讲講]|"
	  "卷[一二三四五六七八九十]{1,3})", 0 },
	/* An official document's number (发文字号): the issuing organ's
	 * abbreviation and kind, the year in brackets, the number and
	 * 号, alone on the line and maybe itself in brackets:
	 * "国办发〔2020〕12号", "（银发〔2021〕259号）", "财税[2019]13號". */
	[RX_HEADER_LINES_DOCNO] = { "^\\s*(?:[（(]\\s*)?\\p{Han}{1,12}\\s*"
	  "[〔\\[［【（(]\\s*[12]\\d{3}\\s*[〕\\]］】）)]\\s*第?\\s*"
	  "\\d{1,5}\\s*[号號](?:\\s*[）)])?\\s*$", 0 },
	/* The same number in brackets at the end of a title line:
	 * "…的通知（银发〔2021〕259号）". */
	[RX_HEADER_TITLE_DOCNO] = { "\\s*[（(]\\s*\\p{Han}{1,12}\\s*"
	  "[〔\\[［【]\\s*[12]\\d{3}\\s*[〕\\]］】]\\s*第?\\s*"
	  "\\d{1,5}\\s*[号號]\\s*[）)]\\s*$", 0 },
	[RX_HEADER_LINES_SUB] = { "^(——|—|──|－－|--|-)+\\s*(?=\\S)", 0 },
	[RX_HEADER_LINES_PAREN] = { "^[（(].*[）)]$", 0 },
	[RX_HEADER_LINES_DASH] = { "^(.+?)(——.+)$", 0 },
	/* Or a name and the office after a comma ("Lin Hai, Director of
	 * the Port Authority"). */
	[RX_HEADER_LINES_SPK] = { "^(Remarks|Speech|Address|"
	  "Statement|Keynote|Toast|Message|Lecture|Written|Opening|"
	  "Closing|Report|Video|Full text|Text)\\b.*\\bby\\b|"
	  "^[A-Z][\\w'’-]+(?: [A-Z][\\w'’.-]+){1,3}, (?:the )?"
	  "(?:[A-Z][\\w-]+ ){0,3}(?:Director|Minister|President|Chairman|"
	  "Chairwoman|Chair|Secretary|Ambassador|Governor|Mayor|Premier|"
	  "Professor|Dean|Head|Chief|Commissioner|Consul|Representative|"
	  "Spokesperson|Spokesman|Editor|Deputy|Vice|General|Founder|"
	  "Manager|Officer)\\b", 0 },
	[RX_HEADER_LINES_HON] = { "^(H\\.\\s?E\\.|His "
	  "Excellency|Her Excellency|(?:Mr|Ms|Mrs|Dr|Prof)\\.?)\\s", 0 },
	[RX_HEADER_LINES_GENRE] = {
	  "^((Keynote|Opening|Closing|Special|Video|Written) )?"
	  "(Speech|Remarks|Address|Statement|Toast|Message|"
	  "Lecture|Keynote Speech)\\b", 0 },
	[RX_HEADER_LINES_OCC] = { "^(At|On|To|In|Before|"
	  "During|For|Delivered at|Given at)\\s", 0 },
	/* Spaces may stand between the numbers and their words, as
	 * texts set for the web put them ("1990 年 8 月 31 日"). */
	[RX_DATE_ZH] = { "(?:" DATE_N " ?年 ?)?" DATE_N " ?月(?: ?" DATE_N " ?日)?",
	  0 },
	[RX_R_NOTE] = {
	  "^(?:[【\\[]?(?:编者按|編者按|编者的话|編者的話|编者附记|编后|"
	"编者注|编者)[】\\]]?[：:]?|Editor[’']s [Nn]ote[:.]?)", 0 },
	[RX_R_CAPTION] = {
	  "^(?:(?:图片|圖片|照片|上图|下图|左图|右图|题图|资料图|图|圖)[：:]|"
	"图为|圖為|(?:Photo|Caption|Picture)[:.] |"
	"(?:Photo|Photograph|Image|Picture|Illustration)s?"
	"(?: by| courtesy of| credit:)\\s)", 0 },
	[RX_R_CREDIT] = {
	  "^[（(]?[^，。！？；（()）]{0,24}?[\\s\\x{3000}\\x{00A0}]*\\S{1,12}"
	"[\\s\\x{3000}\\x{00A0}]*(?:摄|攝|供图|供圖|截图|截圖|截屏)[）)]?$", 0 },
	/* Or a Latin one after the caption's last stop, as the Chinese
	 * editions of foreign papers print it: "…耳环。 Jean Chung for
	 * The New York Times", "…。 Name/Agency". */
	/* Papers also print the credit bare after the caption's last
	 * stop: "…作报告。本报记者 某某摄", "…。新华社记者 某某 摄". */
	[RX_R_CREDIT_END] = {
	  "(?:[（(][^（()）]{1,30}(?:摄|攝|供图|供圖)[）)]|"
	  "[。！？][\\s\\x{3000}]*[^\\s\\x{3000}，。！？；：:（()）]{0,10}"
	  "(?:记者|記者|摄影|攝影)[\\s\\x{3000}]*[" HAN "·]{2,5}"
	  "(?:[\\s\\x{3000}、]+[" HAN "·]{2,5})*[\\s\\x{3000}]*(?:摄|攝)|"
	  "[。！？][\\s\\x{3000}]*[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){1,3}"
	  "(?: for |/| via )[A-Z][A-Za-z.'’ -]{1,40}|"
	/* Or where the picture came from, as sites credit it: "…的声明，
	 * 图自某某部", "…。图片来源：某某". */
	  "[，,。\\s\\x{3000}](?:图自|圖自)[^\\s\\x{3000}，。！？；：:]{2,16}|"
	  "[。\\s\\x{3000}（(](?:图片来源|圖片來源|图源|圖源)[：:]"
	  "[^\\s\\x{3000}，。！？；：:（()）]{2,16}[）)]?)$", 0 },
	[RX_R_BYLINE] = {
	  "^[（(][\\s\\x{3000}]*((?:本报|本刊|本台|新华社|中新社|人民网|新华网|"
	/* or any outlet by the ending of its name ("北青报记者某某") */
	"[" HAN "]{1,6}?(?:报|報|社|网|網|台))?"
	"(?:特派|特约|驻\\S{1,8})?(?:记者|記者|通讯员|通訊員|实习生|見習記者|"
	"见习记者)[^（()）]{1,60})[）)]$", 0 },
	[RX_R_BYLINE2] = {
	  "^((?:本报|本刊|本台|新华社|中新社)?(?:特派|特约)?(?:记者|記者|通讯员)"
	"[\\s\\x{3000}\\x{00A0}]*[" HAN "·、\\s\\x{3000}\\x{00A0}]{2,40})$", 0 },
	[RX_R_DATELINE] = {
	  "^[（(][^（()）]{0,30}?" RR_DAY "[月]" RR_DAY "日(?:电|電|讯|訊)"
	"[^（()）]{0,20}[）)]$", 0 },
	[RX_R_DATELINE_END] = {
	  "[（(][^（()）]{0,30}?" RR_DAY "[月]" RR_DAY "日(?:电|電|讯|訊)"
	"[^（()）]{0,20}[）)]$", 0 },
	/* A byline in brackets after the last sentence's stop: "…努力。”
	 * （某某报记者某某）". */
	[RX_R_BYLINE_END] = {
	  "(?<=[。！？”’」』])[（(][\\s\\x{3000}]*(?:本报|本刊|本台|"
	"[" HAN "]{1,6}?(?:报|報|社|网|網|台))?(?:特派|特约|驻\\S{1,8})?"
	"(?:记者|記者|通讯员|通訊員|实习生|見習記者|见习记者)"
	"[\\s\\x{3000}]*[" HAN "·、\\s\\x{3000}]{2,20}[）)]$", 0 },
	[RX_R_EDITOR] = {
	  "^(?:——|—|－－|--)[\\s\\x{3000}]*(?:编者|編者|本刊编辑部|编辑部|"
	"本报编辑部)$", 0 },
	[RX_R_EDITOR_END] = {
	  "(?:——|—|－－|--)[\\s\\x{3000}]*(?:编者|編者|本刊编辑部|编辑部|"
	"本报编辑部)$", 0 },
	/* Or the office and the name of who signs, as a company's or a
	 * school's head signs an address ("总经理：某某", "校长 某某"),
	 * and the body a letter or a notice comes from. */
	[RX_R_SIGNED] = { "^(?:[（(][" HAN "·]{2,12}[）)]|[" HAN "·]{2,4}|"
	"[" HAN "]{2,16}(?:委员会|委員會|办公室|辦公室|政府|协会|協會|中心|"
	"编辑部|编委会|联合会|总会|学会|研究会|公司|集团|集團|学校|學校|大学|"
	"大學|医院|醫院|部|局|厅|院|社|会)|" SIGNER_OFFICE
	"[：:\\s\\x{3000}]*[" HAN "·]{2,4})$", 0 },
	/* RX_R_TURN_ZH, _EN: a speaker's label, bare or in brackets as
	 * transcripts write it ("[主持人]：", "【嘉宾】：", "[Speaker 0]:") */
	[RX_R_TURN_ZH] = {
	  "^(?|[\\[【［]([^\\]】］\\d][^\\]】］]{0,19})[\\]】］]|"
	  "([" HAN "·]{1,8}?)(?:[（(][^）)]{1,16}[）)])?)"
	  "[\\s\\x{3000}]*[：:][\\s\\x{3000}]*(?=\\S)", 0 },
	/* "杰西：", "塞琳纳（转向杰西）：": a script's speaker, alone on
	 * the line over the speech, a stage direction beside the name. */
	[RX_R_TURN_ALONE] = {
	  "^[" HAN "·]{1,8}(?:[（(][^）)]{1,16}[）)])?[\\s\\x{3000}]*[：:]$", 0 },
	[RX_R_TURN_EN] = {
	  "^(?|\\[([^\\]\\d][^\\]]{0,19})\\]|(Q|A|Question|Answer|"
	"Interviewer|Reporter|Host|Moderator|"
	"[A-Z][a-z]+\\.?(?: (?:[A-Z][a-z]*\\.?|de|van|von|da|del)){0,3}))"
	"[:：][\\s]*(?=\\S)", 0 },
	[RX_R_TURN_STRONG] = {
	  "^(记者|記者|问|問|答|主持人|提问|提問|回答|Q|A|Question|Answer|"
	"Interviewer|Reporter|Host|Moderator|"
	/* an outlet's reporter at a press conference ("某某晚报记者") */
	"[" HAN "]{1,8}?(?:报|報|社|网|網|台)(?:记者|記者))$", 0 },
	[RX_R_SAYS] = {
	  "(说|說|道|指出|表示|认为|認為|强调|強調|介绍|介紹|称|稱|回应|回應|"
	"透露|坦言|问道|答道|写道|寫道|提到|提出|宣布|告诉|告訴|发现|发现|"
	"如下|是|有|为|为此|总之|例如|比如|其中|另外|此外|同时|注)$", 0 },
	[RX_R_NUM] = {
	  "^(?:(" RR_NUMS "{1,3}[、．.])|([（(]" RR_NUMS "{1,3}[）)])|"
	"(\\d{1,2}[.、．](?!\\d))|([（(]\\d{1,2}[）)])|(第" RR_NUMS "{1,3}"
	"(?:部分|章|节|節)|(?:Chapter|CHAPTER|Part|PART|Section|SECTION) "
	"(?:\\d{1,3}|[IVXLC]{1,6})(?![\\w,]|\\.\\w)))", 0 },
	[RX_R_EN_BYLINE] = {
	  "^\\((?:Reporting|Writing|Editing|Reported|Written) by [^()]+\\)$", 0 },
	[RX_DATELINE_BY2] = { NEWS_BYLINE2, 0 },
	/* RX_R_HEADNOTE: what the text is, who gave it, where; the
	 * name (group 1) before the verb or place that follows it */
	[RX_R_HEADNOTE] = { "^(?:这是|這是|本文是|此文是|这篇是|這篇是)(?:([" HAN "·]{2,8}?)"
	  "(?:同志)?(?:在|于|於|为|為|对|對|给|給|致|同|与|與|向))?"
	  ".{0,80}(?:讲话|講話|讲演|講演|演说|演說|发言|發言|报告|報告|谈话|"
	  "談話|演讲|演講|致辞|致詞|贺词|賀詞|文章|的信|批示|批语|批語|按语|"
	  "按語|序言|题词|題詞|电报|電報)(?:稿|的一部分|的节录|的節錄|的摘要)?"
	  "[。.]?$", 0 },
	/* RX_WRITER: a writer's label, a bar, slash or colon, the name */
	/* The writing may share the credit with the pictures, joined
	 * by a dot or a slash ("報導．攝影╱某某", "文/图：某某"); the
	 * pictures' alone credit no writer. */
	[RX_WRITER] = { "^[（(]?(?:" CREDIT_IMG "[．・·、/／])*" CREDIT_WRITE
	  "(?:[．・·、/／](?:" CREDIT_WRITE "|" CREDIT_IMG "))*[ \\t\\x{3000}]*"
	  "[｜|丨:：/／╱][ \\t\\x{3000}]*(\\S.{0,29}?)[）)]?$", 0 },
	/* RX_WRITER_AFTER: the name first, then the label */
	[RX_WRITER_AFTER] = { "^(\\S.{0,19}?)[ \\t\\x{3000}]*[｜|丨/／][ \\t\\x{3000}]*"
	  "(?:文|撰文|作者)$", 0 },
	/* RX_NAME_OFFICE: up to an office's last word, then the name */
	[RX_NAME_OFFICE] = { "^.*(?:委员|委員|主席|书记|書記|部长|部長|司令员|司令員|政委|"
	  "主任|院长|院長|局长|局長|市长|市長|省长|省長|校长|校長|会长|會長|"
	  "总理|總理|总统|總統|大使|行长|行長|董事长|董事長|理事长|理事長|"
	  "秘书长|秘書長|团长|團長|教授|研究员|研究員|记者|記者|编辑|編輯)"
	  "([" HAN "]{2,4}|[" HAN "]{1,8}·[" HAN "·]{1,12})$", 0 },
	/* RX_SOURCE_ZH: the text (本文, 原文…) and a verb of coming,
	 * reprinting or publishing with its 自/于; or such a verb alone,
	 * which no sentence opens with; or a label of the source.  The
	 * rest is the outlet, and after a colon the title there. */
	[RX_SOURCE_ZH] = { "^(?:(?:本文|原文|文章|此文|该文|該文|全文|原稿|本稿|稿件|原帖|"
	  "本帖)(?:地址|链接|鏈接)?[\\s\\x{3000}]*(?:转载|轉載|转引|轉引|转|轉|"
	  "摘编|摘編|摘录|摘錄|摘|节选|節選|选|選|首发|首發|发表|發表|"
	  "发|發|刊登|刊载|刊載|刊发|刊發|刊|原载|原載|载|載|来|來|出|"
	  "引)?(?:自|于|於)|(?:转载|轉載|转引|轉引|摘编|摘編|摘录|摘錄|"
	  "节选|節選|转|轉|摘|选|選|原载|原載|原刊|首发|首發)(?:自|于|於)|"
	  "(?:原载|原載|原刊)(?=[《「『“\"])|(?:文章|本文|新闻|新聞|信息|"
	  "资料|資料|转载|轉載|原文|内容|內容)?(?:来源|來源|出处|出處|稿源)"
	  "(?:于|於|[\\s\\x{3000}]*[：:]))[\\s\\x{3000}：:]*(\\S.*)$", 0 },
	[RX_SOURCE_EN] = { "^(?:(?:This|The) (?:article|story|post|piece|essay|interview|"
	  "text|report)(?: was| is| has been)? |It was )?(?:(?:originally|"
	  "first) (?:published|appeared|posted|ran|printed)|reprinted|"
	  "republished|reproduced|cross-?posted|excerpted|adapted)"
	  "(?: with permission)?(?: (?:in|on|by|at|from)\\b|:)\\s*(\\S.*)$|"
	  "^(?:Source|Originally from|Via)\\s*[:：]\\s*(\\S.*)$",
	  G_REGEX_CASELESS },
};

static GRegex	*rx_compiled[RX__MAX];

/* No G_REGEX_OPTIMIZE: its JIT makes valgrind report uninitialised
 * reads, and these patterns run on short lines only. */
static gpointer
rx_build(gpointer unused)
{
	GError	*err = NULL;
	int	 i;

	(void)unused;
	for (i = 0; i < RX__MAX; i++)
		if ((rx_compiled[i] = g_regex_new(rx_table[i].pat,
		    rx_table[i].flags, 0, &err)) == NULL)
			g_error("recog.c: pattern %d: %s", i, err->message);
	return NULL;
}

/* The compiled pattern of the table. */
static GRegex *
R(enum rx_id id)
{
	static GOnce	 once = G_ONCE_INIT;

	g_once(&once, rx_build, NULL);
	return rx_compiled[id];
}


/*
 * Append a new block of the given type to the document's root.
 */
struct dc_node *
dc_block_add(struct dc_doc *d, enum dc_type t)
{
	return dc_node_append(d->root, dc_node_new(t, DC_LANG_ZH, NULL,
	    0, 0));
}

/*
 * Add (or extend) the seg of a language in a block.  A block holds one
 * seg per language, Chinese first; adding text to a language that is
 * already there appends it, so that no text is ever dropped.
 */
struct dc_node *
dc_seg_add(struct dc_node *blk, enum dc_lang l, const char *text,
    int line, int col)
{
	struct dc_node	*s, *n;
	char		*t;

	if ((s = dc_node_seg(blk, l)) != NULL) {
		t = g_strconcat(s->text, l == DC_LANG_EN ? " " : "",
		    text, NULL);
		g_free(s->text);
		s->text = t;
		return s;
	}
	n = dc_node_new(DC_SEG, l, text, line, col);
	if (blk->line == 0)
		blk->line = line, blk->col = col;
	/* Keep language order: insert before the first later language. */
	for (s = blk->child; s != NULL; s = s->next)
		if (s->lang > l)
			break;
	if (s == NULL)
		return dc_node_append(blk, n);
	return dc_node_insert_before(s, n);
}

/*
 * Join lines into one paragraph: Chinese lines run on without a space
 * (a line end in Chinese text is no word boundary), others with one.
 * Returns g_malloc'd text.
 */
char *
dc_join_lines(const struct dc_line **l, size_t n, int lang)
{
	GString	*b;
	size_t	 i;

	b = g_string_new(NULL);
	for (i = 0; i < n; i++) {
		if (i > 0 && b->len > 0) {
			gunichar a = g_utf8_get_char(g_utf8_prev_char(
			    b->str + b->len));
			gunichar z = g_utf8_get_char(l[i]->text);
			if (lang == DC_LANG_EN ||
			    (dc_char_script_lang(a) == DC_LANG_EN &&
			    dc_char_script_lang(z) == DC_LANG_EN))
				g_string_append_c(b, ' ');
		}
		g_string_append_len(b, l[i]->text, l[i]->len);
	}
	return g_string_free(b, FALSE);
}


/*
 * ---- Shared recognisers ----
 *
 * Roles are recognised by their forms, as a careful reader would:
 * an address is short and made of address words ending in a comma,
 * colon or exclamation mark; a closing thanks the audience at the
 * end; an enumerator opens a paragraph with an ordinal; a date has
 * year, month and day in either language.  Position decides between
 * look-alikes: an address before the first paragraph is the opening
 * salutation, after it a vocative opening a new part.
 */

/* Number of characters (not bytes) of a UTF-8 string. */
static long
nchars(const char *s)
{
	return dc_u8_count(s, LONG_MAX - 1);
}

/* Last character of s, or 0. */
static gunichar
last_char(const char *s)
{
	size_t	 n = strlen(s);

	return n == 0 ? 0 : g_utf8_get_char(g_utf8_prev_char(s + n));
}

/* Is s a list of names, parted by 、 or ，: each of one to five
 * characters (a transliteration, with its dots, of up to twenty)? */
static int
byline_names(const char *s)
{
	GString	 *t;
	char	**v;
	long	  n;
	int	  i, ok = 1;

	/*
	 * Not g_strsplit_set(s, "、，,"): it parts at each byte of the
	 * set, inside characters, and g_utf8_strlen() of the pieces read
	 * past their ends (a name list found or not from run to run).
	 */
	t = g_string_new(NULL);
	for (; *s != '\0'; s++)
		if (strncmp(s, "、", 3) == 0 || strncmp(s, "，", 3) == 0) {
			g_string_append_c(t, ',');
			s += 2;
		} else
			g_string_append_c(t, *s);
	v = g_strsplit(t->str, ",", -1);
	g_string_free(t, TRUE);
	for (i = 0; v[i] != NULL && ok; i++) {
		n = g_utf8_strlen(v[i], -1);
		ok = n <= 5 || (strstr(v[i], "·") != NULL && n <= 20) ||
		    (unsigned char)v[i][0] < 0x80;
	}
	g_strfreev(v);
	return ok;
}

/*
 * The place of a dateline, which may carry its reporters before it
 * ("记者王小明北京", "記者甲乙丙、丁戊己台北": an agency's wire names who
 * filed it between agency and place).  Names and place run together:
 * a name is taken as three characters where two are left for the
 * place, else two, as most names and places are.
 */
static void
dateline_place(struct dc_doc *d, const char *p)
{
	GMatchInfo	*mi = NULL;
	char		*names, *last, *cut;
	long		 n;

	if (!g_regex_match(R(RX_DATELINE_REPORTER), p, 0, &mi)) {
		g_match_info_free(mi);
		dc_meta_set(&d->meta.l[DC_LANG_ZH].place, p);
		return;
	}
	names = g_match_info_fetch(mi, 1);
	g_match_info_free(mi);
	last = g_utf8_strrchr(names, -1, 0x3001);
	last = last != NULL ? last + strlen("、") : names;
	n = g_utf8_strlen(last, -1);
	if (n >= 4) {
		cut = g_utf8_offset_to_pointer(last, n >= 5 ? 3 : 2);
		dc_meta_set(&d->meta.l[DC_LANG_ZH].place, cut);
		*cut = '\0';
	}
	if (d->meta.reporters == NULL)
		dc_meta_set(&d->meta.reporters, names);
	g_free(names);
}

/*
 * Record dateline and byline in the metadata: agency, place, date
 * (partial "--11-11" without a year), reporters.
 */
void
dc_byline_meta(struct dc_doc *d, const char *where, const char *date,
    const char *by)
{
	GMatchInfo	*mi = NULL;
	char		*a, *p, *iso = NULL, *dt = NULL, *pl = NULL, *r;

	if (g_regex_match(R(RX_BYLINE_META_AGENCY), where, 0, &mi)) {
		a = g_match_info_fetch(mi, 1);
		p = g_match_info_fetch(mi, 2);
		dc_meta_set(&d->meta.agency, a);
		if (*p != '\0')
			dateline_place(d, p);
		g_free(a);
		g_free(p);
	} else if (*where != '\0')
		dateline_place(d, where);
	g_match_info_free(mi);
	mi = NULL;
	/* A dateline's month and day do not replace a date with its
	 * year that the header gave. */
	if (dc_parse_date(date, &iso, &dt, &pl) && (d->meta.date_iso ==
	    NULL || strlen(iso) >= strlen(d->meta.date_iso))) {
		dc_meta_set(&d->meta.date_iso, iso);
		dc_meta_set(&d->meta.l[DC_LANG_ZH].date, dt);
	}
	g_free(iso);
	g_free(dt);
	g_free(pl);
	if (by == NULL)
		return;
	/* "记者刘慧、薛丹" -> "刘慧、薛丹"; spaces between names -> 、 */
	r = g_regex_replace(R(RX_BYLINE_META_REP), by, -1, 0, "", 0, NULL);
	{
		/* Names are separated by 、, or by spaces of any width. */
		char *u = g_regex_replace_literal(R(RX_BYLINE_META_SP), r, -1, 0, " ", 0, NULL);
		g_free(r);
		r = g_strstrip(u);
	}
	/* "（某报记者某某某某地报导）": one name and the place run
	 * together before 报导; the name is three characters where two
	 * are left for the place, else two (as header_reporters() reads
	 * "本报记者某某某地报道"). */
	if (g_regex_match_simple("(?:报导|报道|報導|報道)$", by, 0, 0) &&
	    g_regex_match_simple("^[" HAN "]{4,7}$", r, 0, 0)) {
		long n = g_utf8_strlen(r, -1);
		*g_utf8_offset_to_pointer(r, n >= 5 ? 3 : 2) = '\0';
	}
	{
		char **v = g_strsplit_set(r, " \t", -1);
		GString *b = g_string_new(NULL);
		for (int i = 0; v[i] != NULL; i++)
			if (*v[i] != '\0') {
				if (b->len > 0 && !g_str_has_suffix(b->str,
				    "、"))
					g_string_append(b, "、");
				g_string_append(b, v[i]);
			}
		g_strfreev(v);
		/* Reporters are names: a sentence in the brackets
		 * ("某某对此文亦有贡献") names no reporters. */
		if (b->len > 0 && byline_names(b->str))
			dc_meta_set(&d->meta.reporters, b->str);
		g_string_free(b, TRUE);
	}
	g_free(r);
}

/* The input lines of the markup's list items, for the body now read
 * (dc_body_items()); a thread's own, as files convert in threads. */
static _Thread_local const GArray *body_items;

/*
 * The readers say which lines were a list's items before the body's
 * roles are decided (NULL after): an item is never a signature (a
 * list at the end, "- 交通安排", read as a name signing the text).
 */
void
dc_body_items(const GArray *items)
{
	body_items = items;
}

/* Was block b a list item of the markup?  (The items' lines are in
 * input order: looked up by halves, as the turns ask of each block.) */
static int
body_item(const struct dc_node *b)
{
	guint	 lo = 0, hi = body_items != NULL ? body_items->len : 0, mid;
	int	 v;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		v = g_array_index(body_items, int, mid);
		if (v == b->line)
			return 1;
		if (v < b->line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Does a dateline open text?  (For telling news apart.)
 */
int
dc_dateline_at(const char *text)
{

	return g_regex_match(R(RX_DATELINE), text, 0, NULL) ||
	    g_regex_match(R(RX_DATELINE_XUN), text, 0, NULL) ||
	    g_regex_match(R(RX_DATELINE_REPORT), text, 0, NULL) ||
	    g_regex_match(R(RX_DATELINE_PLACE), text, 0, NULL) ||
	    g_regex_match(R(RX_DATELINE_DASH), text, 0, NULL);
}

/* The bytes of a closing bracket at p, 0 for none. */
static int
dateline_close(const char *p)
{
	static const char *const cl[] = { ")", "]", "）", "】", "〕", "］" };
	size_t		 i;

	for (i = 0; i < G_N_ELEMENTS(cl); i++)
		if (strncmp(p, cl[i], strlen(cl[i])) == 0)
			return (int)strlen(cl[i]);
	return 0;
}

/*
 * A byline of reporter and place, as Taiwan's papers open a report:
 * "〔記者某某／台北報導〕", "〔編譯某某／綜合報導〕", or a line of its
 * own without brackets ("記者某某／台北報導", as sites give it).  It
 * names who reports from where, and no date: a byline, not a dateline
 * (dl->dateline is NULL).  Returns 1 and fills *dl, or 0.
 */
static int
dateline_report(struct dc_doc *d, const char *text, struct dc_dateline *dl)
{
	GMatchInfo	*mi = NULL;
	char		*by, *where;
	int		 st, en;

	if (!g_regex_match(R(RX_DATELINE_REPORT), text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	by = g_match_info_fetch(mi, 1);
	where = g_match_info_fetch(mi, 2);
	g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	/* Opened by a bracket, closed by one. */
	if (g_regex_match(R(RX_OPEN_BRACKET), text, 0, NULL) &&
	    !dateline_close(g_utf8_prev_char(text + en))) {
		g_free(by);
		g_free(where);
		return 0;
	}
	dl->byline = g_strndup(text, en);
	dl->end = en;
	if (strcmp(where, "综合") == 0 || strcmp(where, "綜合") == 0)
		*where = '\0';
	dc_byline_meta(d, where, "", by);
	g_free(by);
	g_free(where);
	while (text[dl->end] == ' ' || strncmp(text + dl->end, "　", 3) == 0)
		dl->end += text[dl->end] == ' ' ? 1 : 3;
	return 1;
}

/* A dateline of a place and a dash ("北京——"): the place is the
 * dateline, the dash goes with it. */
static int
dateline_dash(struct dc_doc *d, const char *text, struct dc_dateline *dl)
{
	GMatchInfo	*mi = NULL;
	char		*where;
	int		 st, en;

	if (!g_regex_match(R(RX_DATELINE_DASH), text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	where = g_match_info_fetch(mi, 1);
	g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	dl->dateline = g_strdup(where);
	dl->end = (size_t)en;
	dc_byline_meta(d, where, "", NULL);
	g_free(where);
	return 1;
}

/*
 * Find a dateline (and byline) at the start of text.  Returns 1 and
 * fills *dl (strings g_malloc'd) or 0.
 */
int
dc_dateline(struct dc_doc *d, const char *text, struct dc_dateline *dl)
{
	GMatchInfo	*mi = NULL;
	char		*where, *date, *b = NULL;
	int		 st, en, bst, ben, xun = 0;

	memset(dl, 0, sizeof(*dl));
	if (dateline_report(d, text, dl))
		return 1;
	if (!g_regex_match(R(RX_DATELINE), text, 0, &mi)) {
		g_match_info_free(mi);
		mi = NULL;
		/* "本报讯": an agency's dateline without date or place. */
		if (g_regex_match(R(RX_DATELINE_XUN), text, 0, &mi))
			xun = 1;
		else {
			g_match_info_free(mi);
			mi = NULL;
			if (!g_regex_match(R(RX_DATELINE_PLACE), text, 0,
			    &mi)) {
				g_match_info_free(mi);
				return dateline_dash(d, text, dl);
			}
		}
	}
	where = g_match_info_fetch(mi, 1);
	date = g_match_info_fetch(mi, 2);
	g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	mi = NULL;
	/* A bracketed dateline closes with its bracket. */
	if (g_regex_match(R(RX_OPEN_BRACKET), text, 0, NULL))
		en += dateline_close(text + en);
	dl->dateline = g_strndup(text, en);
	dl->end = en;
	/* A byline in brackets, or one of names without them. */
	if (!g_regex_match(R(RX_DATELINE_BY), text + en, 0, &mi)) {
		g_match_info_free(mi);
		mi = NULL;
		g_regex_match(R(RX_DATELINE_BY2), text + en, 0, &mi);
	}
	if (g_match_info_matches(mi)) {
		g_match_info_fetch_pos(mi, 1, &bst, &ben);
		b = g_match_info_fetch(mi, 2);
		/* Either script's reporter ("記者", "通訊員"). */
		if (strstr(b, "记者") != NULL || strstr(b, "通讯员") != NULL ||
		    strstr(b, "記者") != NULL || strstr(b, "通訊員") != NULL ||
		    g_utf8_strlen(b, -1) <= 12) {
			dl->byline = g_strndup(text + en + bst, ben - bst);
			dl->end = en + ben;
		} else {
			g_free(b);
			b = NULL;
		}
	}
	g_match_info_free(mi);
	/* What stands before 讯 is who sends it, never a place. */
	if (xun) {
		dc_meta_set(&d->meta.agency, where);
		*where = '\0';
	}
	dc_byline_meta(d, where, date, b);
	g_free(where);
	g_free(date);
	g_free(b);
	/* Skip white space after them. */
	while (text[dl->end] == ' ' || strncmp(text + dl->end, "\xC2\xA0",
	    2) == 0 || strncmp(text + dl->end, "　", 3) == 0)
		dl->end += text[dl->end] == ' ' ? 1 :
		    (text[dl->end] == '\xC2' ? 2 : 3);
	return 1;
}


/*
 * Is this line an address to the audience ("尊敬的普京总统，", "各位同事！",
 * "Your Excellency President Vladimir Putin,", "Colleagues,")?
 */
int
dc_is_address(const char *s, int lang)
{
	gunichar	 c = last_char(s);

	if (lang == DC_LANG_ZH) {
		if (dc_u8_count(s, 40) > 40 || strstr(s, "。") != NULL ||
		    strstr(s, "？") != NULL || strstr(s, "；") != NULL)
			return 0;
		if (c != 0xFF0C && c != 0xFF1A && c != 0xFF01 && c != ':' &&
		    c != ',' && c != '!')
			return 0;
		/* Address words: honorifics, titles, plural 们. */
		if (g_regex_match(R(RX_IS_ADDRESS_ZH),
		    s, 0, NULL))
			return 1;
		return g_regex_match(R(RX_IS_ADDRESS_ZHEND),
		    s, 0, NULL) && nchars(s) <= 24;
	}
	if (strlen(s) > 120 || (c != ',' && c != ':' && c != '!'))
		return 0;
	return g_regex_match(R(RX_IS_ADDRESS_EN),
	    s, 0, NULL);
}

/*
 * The person's name in s, a name with what stands around names: an
 * honorific after it (同志, 先生…), an office before it ("南京军区副政治
 * 委员王永明同志" is 王永明).  g_malloc'd, or NULL if s names no one.
 */
static char *
person_name(const char *s)
{
	static const char *const hon[] = { "同志", "先生", "女士", "教授",
	    "博士", "老师", "老師", NULL };
	GMatchInfo	*mi = NULL;
	char		*t, *name = NULL;
	size_t		 i, n;

	t = g_strstrip(g_strdup(s));
	for (i = 0; hon[i] != NULL; i++) {
		n = strlen(hon[i]);
		if (strlen(t) > n && strcmp(t + strlen(t) - n, hon[i]) == 0) {
			t[strlen(t) - n] = '\0';
			g_strstrip(t);
			break;
		}
	}
	if (g_regex_match_simple("^(?:" ZH_NAME "|[A-Z][A-Za-z.'-]+"
	    "(?: [A-Z][A-Za-z.'-]+){1,3})$", t, 0, 0))
		name = g_strdup(t);
	else if (g_regex_match(R(RX_NAME_OFFICE), t, 0, &mi))
		name = g_match_info_fetch(mi, 1);
	g_match_info_free(mi);
	g_free(t);
	return name;
}

/*
 * A writer's credit, "作者：某某", "文｜某某", "（撰文/某某）", or the
 * name first, "某某｜文": the writer's name (g_malloc'd), or NULL if s
 * is none.
 */
static char *
writer_name(const char *s)
{
	GMatchInfo	*mi = NULL;
	char		*v, *name = NULL;

	if (dc_u8_count(s, 40) > 40)
		return NULL;
	/* Both patterns need a bar, a slash or a colon. */
	if (strpbrk(s, "|/:") == NULL && strstr(s, "｜") == NULL &&
	    strstr(s, "丨") == NULL && strstr(s, "／") == NULL &&
	    strstr(s, "：") == NULL && strstr(s, "╱") == NULL)
		return NULL;
	if (!g_regex_match(R(RX_WRITER), s, 0, &mi)) {
		g_match_info_free(mi);
		mi = NULL;
		g_regex_match(R(RX_WRITER_AFTER), s, 0, &mi);
	}
	if (g_match_info_matches(mi)) {
		v = g_match_info_fetch(mi, 1);
		name = person_name(v);
		g_free(v);
	}
	g_match_info_free(mi);
	return name;
}

/* Trim s in place of spaces and of the quotes and brackets that wrap
 * an outlet's name or a title: 「财新网」, 《人民日报》, "The Times". */
static void
source_trim(char *s)
{
	static const char *const marks[] = { "「", "」", "《", "》", "『",
	    "』", "“", "”", "【", "】", "〈", "〉", "\"", "'", "~", "*",
	    "\u3000", " ", "\t", "。", ".", NULL };
	size_t	 i, n;
	int	 again = 1;

	while (again) {
		again = 0;
		for (i = 0; marks[i] != NULL; i++) {
			n = strlen(marks[i]);
			if (strncmp(s, marks[i], n) == 0) {
				memmove(s, s + n, strlen(s + n) + 1);
				again = 1;
			}
			if (strlen(s) >= n && strcmp(s + strlen(s) - n,
			    marks[i]) == 0) {
				s[strlen(s) - n] = '\0';
				again = 1;
			}
		}
	}
}

/* If s opens with a bracket of names (《, 「, 『, “), where its
 * close is; else NULL. */
static const char *
source_closer(const char *s)
{
	static const char *const pairs[][2] = { { "《", "》" },
	    { "「", "」" }, { "『", "』" }, { "“", "”" } };
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(pairs); i++)
		if (g_str_has_prefix(s, pairs[i][0]))
			return strstr(s, pairs[i][1]);
	return NULL;
}

/*
 * Is s a line that says where the text came from: "原文来自「某报」：
 * 某题", "转载自某网", "本文首发于某刊", "文章来源：某社", "Originally
 * published in …", "Source: …"?  In brackets or not, short, one
 * sentence at most.  If so, *from gets the outlet and *title the
 * title there, if the line gives one (g_malloc'd, or NULL; either
 * pointer may be NULL).
 */
int
dc_source_line(const char *s, char **from, char **title)
{
	GMatchInfo	*mi = NULL;
	const char	*p, *e, *cut;
	char		*t, *rest, *o;
	int		 zh, ok;
	gunichar	 c;

	if (from != NULL)
		*from = NULL;
	if (title != NULL)
		*title = NULL;
	if (dc_u8_count(s, 100) > 100)
		return 0;
	/* An opening bracket, and its close at the end. */
	p = s;
	if (g_str_has_prefix(p, "（") || g_str_has_prefix(p, "【") ||
	    *p == '(' || *p == '[')
		p = g_utf8_next_char(p);
	t = g_strdup(p);
	if (p != s && *t != '\0') {
		e = g_utf8_prev_char(t + strlen(t));
		c = g_utf8_get_char(e);
		if (c == 0xFF09 || c == 0x3011 || c == ')' || c == ']')
			t[e - t] = '\0';
	}
	g_strstrip(t);
	/*
	 * One sentence at most (as rest is checked below), told before
	 * the patterns run: what they match before rest has no 。！？,
	 * so each of these in t is in rest.  Spares the patterns most
	 * paragraphs.
	 */
	for (p = t; (p = strpbrk(p, "\xE3\xEF")) != NULL; p++)
		if ((strncmp(p, "。", 3) == 0 || strncmp(p, "！", 3) == 0 ||
		    strncmp(p, "？", 3) == 0) && p[3] != '\0') {
			g_free(t);
			return 0;
		}
	/* The Chinese pattern opens with a Han word, the English one
	 * with a Latin word (any case): a line opening in ASCII is spared
	 * the first, one opening with a character of three bytes or
	 * more (Han, punctuation) the second. */
	zh = (unsigned char)*t >= 0x80 && g_regex_match(R(RX_SOURCE_ZH), t,
	    0, &mi);
	if (!zh) {
		g_match_info_free(mi);
		mi = NULL;
		if ((unsigned char)*t >= 0xE0 ||
		    !g_regex_match(R(RX_SOURCE_EN), t, 0, &mi)) {
			g_match_info_free(mi);
			g_free(t);
			return 0;
		}
	}
	rest = g_match_info_fetch(mi, 1);
	if (rest == NULL || *rest == '\0') {
		g_free(rest);
		rest = g_match_info_fetch(mi, 2);
	}
	g_match_info_free(mi);
	g_free(t);
	if (rest == NULL)
		return 0;
	/* One sentence at most: a mark inside ends another. */
	for (p = rest; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if ((c == 0x3002 || c == 0xFF01 || c == 0xFF1F) &&
		    p[strlen("。")] != '\0')
			break;
	}
	if (*p != '\0') {
		g_free(rest);
		return 0;
	}
	/* The outlet: up to a colon (the title follows), a comma, a bar
	 * or, in English, " on " (a date) or " as " (a title). */
	cut = NULL;
	for (p = rest; *p != '\0' && cut == NULL; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == 0xFF1A || c == ':' || c == 0xFF0C || c == ',' ||
		    c == 0xFF1B || c == ';' || c == '|' || c == 0xFF5C ||
		    c == 0x3001 || (!zh && (g_str_has_prefix(p, " on ") ||
		    g_str_has_prefix(p, " as "))))
			cut = p;
	}
	o = cut != NULL ? g_strndup(rest, (gsize)(cut - rest)) :
	    g_strdup(rest);
	/* A name in brackets is the name: 《某刊》2020年第3期. */
	if ((e = source_closer(o)) != NULL)
		o[e - o] = '\0';
	source_trim(o);
	ok = *o != '\0' && g_utf8_strlen(o, -1) <= (zh ? 30 : 80);
	if (ok && from != NULL)
		*from = g_strdup(o);
	g_free(o);
	/* After a colon, the title the text had there. */
	if (ok && title != NULL && cut != NULL &&
	    (g_utf8_get_char(cut) == 0xFF1A || *cut == ':')) {
		o = g_strdup(g_utf8_next_char(cut));
		source_trim(o);
		if (*o != '\0')
			*title = o;
		else
			g_free(o);
	}
	g_free(rest);
	return ok;
}

/*
 * Is this line a closing that thanks the audience ("谢谢大家。",
 * "Thank you.")?
 */
int
dc_is_thanks(const char *s, int lang)
{

	if (lang == DC_LANG_ZH)
		return dc_u8_count(s, 14) <= 14 &&
		    g_regex_match(R(RX_IS_THANKS_ZH), s, 0, NULL);
	return strlen(s) <= 60 && g_regex_match(R(RX_IS_THANKS_EN), s, 0, NULL);
}

/*
 * Mark the enumerator and run-in lead of a paragraph's seg:
 * "第一，加强抗疫合作，构建卫生健康共同体。..." has enumerator 第一 and
 * the first sentence as lead; likewise "一是…。", "二、…", "（三）…",
 * "1. …", and English "First, …", "Secondly, …".  The lead is marked
 * only if the paragraph goes on after it.
 */
void
dc_seg_enum(struct dc_node *s)
{
	GMatchInfo	*mi = NULL;
	int		 st, e, ls, le;
	size_t		 len = strlen(s->text), head = len;

	/*
	 * An enumerator is a few characters at the start: its pattern
	 * is shown the paragraph's first 64 bytes (cut between
	 * characters), as GRegex checks the UTF-8 of all it is given,
	 * which on every paragraph was most of this function's time.
	 */
	if (head > 64)
		for (head = 64; ((unsigned char)s->text[head] & 0xC0) == 0x80;
		    head--)
			continue;
	s->enum_len = s->lead_len = 0;
	if (!g_regex_match_full(R(s->lang == DC_LANG_ZH ? RX_SEG_ENUM_ZH :
	    RX_SEG_ENUM_EN), s->text, (gssize)head, 0, 0, &mi, NULL))
		goto out;
	g_match_info_fetch_pos(mi, 1, &st, &e);
	s->enum_len = (size_t)e;
	g_match_info_free(mi);
	mi = NULL;
	/* The lead: the first sentence, if more follows. */
	if (s->lang == DC_LANG_ZH) {
		if (!g_regex_match_full(R(RX_SEG_ENUM_ZHEND), s->text,
		    -1, e, 0, &mi, NULL))
			goto out;
	} else if (!g_regex_match_full(R(RX_SEG_ENUM_ENEND),
	    s->text, -1, e, 0, &mi, NULL))
		goto out;
	g_match_info_fetch_pos(mi, 0, &ls, &le);
	while ((size_t)le < len && s->text[le] == ' ')
		le++;
	if ((size_t)le < len) {
		/* Trailing spaces are not part of the lead. */
		while (le > 0 && s->text[le - 1] == ' ')
			le--;
		s->lead_len = (size_t)le;
	}
out:
	g_match_info_free(mi);
}

static const char *const months_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Value of a number written in ASCII, full-width or Chinese digits
 * ("2020", "２０２０", "二〇二〇", "十一", "二十三"); -1 if none. */
static int
date_num(const char *s, size_t len)
{
	static const char *const zhd[] = { "〇", "一", "二", "三", "四",
	    "五", "六", "七", "八", "九" };
	const char	*p = s, *end = s + len;
	gunichar	 c;
	int		 v = 0, any = 0, tens = 0, d, i;

	while (p < end) {
		c = g_utf8_get_char(p);
		d = -1;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 0xFF10 && c <= 0xFF19)
			d = c - 0xFF10;
		else if (c == 0x96F6 || c == 0x25CB || c == 0x3007 ||
		    c == 0x25EF)	/* 零 ○ 〇 ◯ */
			d = 0;
		else if (c == 0x5341) {	/* 十 */
			tens = 1;
			v = (v == 0 ? 1 : v) * 10;
			any = 1;
			p = g_utf8_next_char(p);
			continue;
		} else
			for (i = 0; i < 10; i++)
				if (strncmp(p, zhd[i], strlen(zhd[i])) == 0)
					d = i;
		if (d < 0)
			return -1;
		if (tens) {
			v += d;
			tens = 0;
		} else
			v = v * 10 + d;
		any = 1;
		p = g_utf8_next_char(p);
	}
	return any ? v : -1;
}

/*
 * Find a date in s.  On success return 1 and set *iso (g_malloc'd
 * "YYYY-MM-DD", "YYYY-MM" or "--MM-DD") and the byte span [*st, *en)
 * of the date in s; else return 0.
 */
static int
find_date(const char *s, char **iso, int *st, int *en)
{
	return find_date_warn(s, iso, st, en, 1);
}

/*
 * A date with its year last and slashes ("4/2/2024", "25/12/2023"):
 * the number over 12 is the day; where both could be the month, a
 * 12-hour clock after it ("4/2/2024 12:30 PM") says the month comes
 * first, as it does where that clock is read; else it says no date.
 * Returns 4 and the parts, or 0.
 */
static int
date_slashed(const char *s, int *yv, int *mv, int *dv, int *st, int *en)
{
	GMatchInfo	*mi = NULL;
	char		*a, *b, *c;
	int		 x, y, ok = 0;

	if (!g_regex_match(R(RX_FIND_DATE_MDY), s, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	a = g_match_info_fetch(mi, 1);
	b = g_match_info_fetch(mi, 2);
	c = g_match_info_fetch(mi, 3);
	x = atoi(a);
	y = atoi(b);
	g_match_info_fetch_pos(mi, 0, st, en);
	if (x > 12 && y <= 12)
		*dv = x, *mv = y, ok = 4;
	else if (y > 12 && x <= 12)
		*mv = x, *dv = y, ok = 4;
	else if (x <= 12 && y <= 12 && g_regex_match(R(RX_CLOCK12), s + *en,
	    0, NULL))
		*mv = x, *dv = y, ok = 4;
	if (ok)
		*yv = atoi(c);
	g_free(a);
	g_free(b);
	g_free(c);
	g_match_info_free(mi);
	return ok;
}

/* Could s hold a date at all?  Each pattern of find_date_warn()
 * needs a digit (\d, any script's) or 月: five patterns spared a
 * line that has neither. */
static int
date_may(const char *s)
{
	const char	*p;

	if (strstr(s, "月") != NULL)
		return 1;
	for (p = s; *p != '\0'; ) {
		if ((unsigned char)*p < 0x80) {
			if (g_ascii_isdigit(*p))
				return 1;
			p++;
		} else if (g_unichar_isdigit(dc_u8_next(&p)))
			return 1;
	}
	return 0;
}

/*
 * A year of the Republic of China's calendar, as Taiwan writes dates
 * ("民國109年7月1日", "109年7月1日"): the year after "民國", or of three
 * digits (no Gregorian year a text gives has), is 1911 less than the
 * common era's.  yv as the common era counts it.
 */
static int
date_roc(const char *s, int *st, int yv)
{
	int	 era;

	if (yv <= 0 || yv >= 200)
		return yv;
	era = *st >= 6 && (strncmp(s + *st - 6, "民國", 6) == 0 ||
	    strncmp(s + *st - 6, "民国", 6) == 0);
	if (!era && yv < 100)
		return yv;
	/* The era's name is the date's, no place. */
	if (era) {
		*st -= 6;
		if (*st >= 6 && (strncmp(s + *st - 6, "中華", 6) == 0 ||
		    strncmp(s + *st - 6, "中华", 6) == 0))
			*st -= 6;
	}
	return yv + 1911;
}

/* find_date(), saying so (warn) when a date is not a real one. */
static int
find_date_warn(const char *s, char **iso, int *st, int *en, int warn)
{
	GMatchInfo	*mi = NULL;
	char		*y = NULL, *m = NULL, *d = NULL;
	int		 yv = -1, mv = -1, dv = -1, i, ok = 0;

	if (!date_may(s))
		return 0;
	if (g_regex_match(R(RX_DATE_ZH), s, 0, &mi)) {
		y = g_match_info_fetch(mi, 1);
		m = g_match_info_fetch(mi, 2);
		d = g_match_info_fetch(mi, 3);
		yv = y != NULL && *y ? date_num(y, strlen(y)) : -1;
		mv = date_num(m, strlen(m));
		dv = d != NULL && *d ? date_num(d, strlen(d)) : -1;
		g_match_info_fetch_pos(mi, 0, st, en);
		yv = date_roc(s, st, yv);
		ok = 1;
	} else {
		g_match_info_free(mi);
		mi = NULL;
		if (g_regex_match(R(RX_FIND_DATE_EN1), s, 0, &mi)) {
			d = g_match_info_fetch(mi, 1);
			m = g_match_info_fetch(mi, 2);
			y = g_match_info_fetch(mi, 3);
			ok = 2;
		} else {
			g_match_info_free(mi);
			mi = NULL;
			if (g_regex_match(R(RX_FIND_DATE_EN2), s, 0, &mi)) {
				m = g_match_info_fetch(mi, 1);
				d = g_match_info_fetch(mi, 2);
				y = g_match_info_fetch(mi, 3);
				ok = 2;
			}
		}
		if (ok) {
			for (i = 0; i < 12; i++)
				if (strncmp(m, months_en[i], 3) == 0)
					mv = i + 1;
			yv = atoi(y);
			dv = atoi(d);
			g_match_info_fetch_pos(mi, 0, st, en);
		}
	}
	g_match_info_free(mi);
	g_free(y);
	g_free(m);
	g_free(d);
	if (!ok) {
		/* "2020-11-10", "2020/11/10", "2020.11.10". */
		if (g_regex_match(R(RX_FIND_DATE_ISO3), s, 0, &mi)) {
			char *a = g_match_info_fetch(mi, 1);
			char *b = g_match_info_fetch(mi, 2);
			char *c = g_match_info_fetch(mi, 3);
			yv = atoi(a);
			mv = atoi(b);
			dv = atoi(c);
			g_free(a);
			g_free(b);
			g_free(c);
			g_match_info_fetch_pos(mi, 0, st, en);
			ok = 3;
		}
		g_match_info_free(mi);
		mi = NULL;
	}
	if (!ok)
		ok = date_slashed(s, &yv, &mv, &dv, st, en);
	if (!ok || mv < 1 || mv > 12 || dv == 0)
		return 0;
	/* No year 0 ("202🤖0年" is no 0000): a year is a real one. */
	if (yv == 0) {
		if (warn)
			dc_msg(DC_WARN_GENERIC, 0, 0, "%.*s is not a real "
			    "date; not taken as one", *en - *st, s + *st);
		return 0;
	}
	/* A day the month does not have is no date ("2月31日"). */
	if (dv > 0 && (dv > 31 || (yv > 0 && !g_date_valid_dmy((GDateDay)dv,
	    (GDateMonth)mv, (GDateYear)yv)) || (yv <= 0 && !g_date_valid_dmy(
	    (GDateDay)dv, (GDateMonth)mv, 2000)))) {
		if (warn)
			dc_msg(DC_WARN_GENERIC, 0, 0, "%.*s is not a real "
			    "date; not taken as one", *en - *st, s + *st);
		return 0;
	}
	if (yv >= 0 && dv > 0)
		*iso = g_strdup_printf("%04d-%02d-%02d", yv, mv, dv);
	else if (yv >= 0)
		*iso = g_strdup_printf("%04d-%02d", yv, mv);
	else if (dv > 0)
		*iso = g_strdup_printf("--%02d-%02d", mv, dv);
	else
		return 0;
	return 1;
}

/*
 * Find a date in s and what else the phrase says (the place): for
 * "（2020年11月10日，北京）" *date = "2020年11月10日", *place = "北京";
 * for "Beijing, 10 November 2020" *place = "Beijing".  Returns 1 and
 * sets the g_malloc'd *iso, *date, *place (place may be NULL), or 0.
 */
/* The length of a time of day that opens s ("  09:02:33", " 8:17PM",
 * "T22:15"), or 0. */
static size_t
date_time_len(const char *s)
{
	GMatchInfo	*mi = NULL;
	int		 st, en = 0;

	if (g_regex_match(R(RX_DATE_TIME), s, 0, &mi))
		g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	return (size_t)en;
}

/* Do the st bytes of s before a date end in a label's colon? */
static int
date_labelled(const char *s, int st)
{
	const char	*e = s + st, *q;
	gunichar	 c;

	while (e > s) {
		q = g_utf8_prev_char(e);
		c = g_utf8_get_char(q);
		if (c != ' ' && c != 0x3000 && c != '\t')
			return c == ':' || c == 0xFF1A;
		e = q;
	}
	return 0;
}

int
dc_parse_date(const char *s, char **iso, char **date, char **place)
{
	GString	*rest;
	int	 st, en;

	if (!find_date(s, iso, &st, &en))
		return 0;
	*date = g_strndup(s + st, en - st);
	rest = g_string_new(NULL);
	/* A label before the date ("更新时间: ", "Date:") is no place. */
	if (!date_labelled(s, st))
		g_string_append_len(rest, s, st);
	g_string_append_c(rest, ' ');
	/* Nor is the time of day after it ("2026-02-03 09:02:33"),
	 * nor a field the line goes on to ("来源：…"). */
	g_string_append(rest, s + en + date_time_len(s + en));
	{
		GMatchInfo *fm = NULL;
		int fs, fe;
		if (g_regex_match(R(RX_DATE_FIELD), rest->str, 0, &fm)) {
			g_match_info_fetch_pos(fm, 0, &fs, &fe);
			g_string_truncate(rest, (gsize)fs);
		}
		g_match_info_free(fm);
	}
	/* A bracketed note beside the date ("（附照片2张）") is no place:
	 * only the brackets that hold the date hold its place. */
	{
		const char *o = strstr(s, "（"), *c;
		if (o == NULL)
			o = strchr(s, '(');
		if (o != NULL && o - s > st) {
			/* The bracket opens after the date: a note. */
			g_string_truncate(rest, (gsize)st + 1);
			g_string_append_len(rest, s + en, o - s - en);
			c = strstr(o, "）");
			if (c == NULL)
				c = strchr(o, ')');
			if (c != NULL)
				g_string_append(rest, c + (*c == ')' ? 1 : 3));
		}
	}
	/* What is left, less brackets, commas and spaces, is the place. */
	*place = NULL;
	{
		GString *b = g_string_new(NULL);
		const char *t;
		int sp = 0;
		for (t = rest->str; *t != '\0'; t = g_utf8_next_char(t)) {
			gunichar c = g_utf8_get_char(t);
			if (c == 0xFF08 || c == 0xFF09 || c == 0xFF0C ||
			    c == ',' || c == 0x3001 || c == 0x3000 ||
			    c == 0xFF1A || c == ':' || c == '(' || c == ')' ||
			    c == ' ' || c == 0xA0) {
				sp = b->len > 0;
				continue;
			}
			if (sp)
				g_string_append_c(b, ' ');
			sp = 0;
			g_string_append_unichar(b, c);
		}
		if (b->len > 0 && b->len < 80)
			*place = g_string_free(b, FALSE);
		else
			g_string_free(b, TRUE);
	}
	g_string_free(rest, TRUE);
	return 1;
}

/* Are most longer words capitalised ("for a Stronger Community with
 * a Shared Future"), as in English titles and names? */
static int
title_case(const char *s)
{
	char	**w;
	int	  i, n = 0, caps = 0;

	w = g_strsplit_set(s, " ,", -1);
	for (i = 0; w[i] != NULL; i++) {
		if (g_utf8_strlen(w[i], -1) < 4)
			continue;
		n++;
		if (g_unichar_isupper(g_utf8_get_char(w[i])) ||
		    g_ascii_isdigit(w[i][0]))
			caps++;
	}
	g_strfreev(w);
	return n == 0 || caps * 10 >= n * 6;
}

/* How many clause marks (，；、) s holds. */
static int
clause_marks(const char *s)
{
	const char	*p;
	gunichar	 c;
	int		 n = 0;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		n += c == 0xFF0C || c == 0xFF1B || c == 0x3001;
	}
	return n;
}

/*
 * Could this line belong to a header block (title, subtitle, speaker,
 * date and place)?  Header lines are short, end in no clause or
 * sentence punctuation, and are not addresses.
 */
static int
header_like(const struct dc_line *l)
{
	gunichar	 c;

	if (l->blank)
		return 1;
	c = last_char(l->text);
	if (l->lang == DC_LANG_EN || (l->lang < 0 && l->len > 0 &&
	    (unsigned char)l->text[0] < 0x80)) {
		if (dc_is_address(l->text, DC_LANG_EN) || l->len > 160)
			return 0;
		/* A Markdown heading is one by its markup, in whatever
		 * case and whatever it ends in (web exports open with the
		 * page's; a section's may ask: "What is X?"). */
		if (l->heading > 0)
			return 1;
		/* English headings are in title case; a long line in
		 * sentence case is prose (but see headline_like()). */
		if (l->len > 40 && !title_case(l->text))
			return 0;
		return c != '.' || g_str_has_suffix(l->text, "H.E.") ?
		    (c != ',' && c != ':' && c != ';' && c != '!' &&
		    c != '?') : 0;
	}
	if (dc_is_address(l->text, DC_LANG_ZH) || nchars(l->text) > 50)
		return 0;
	/* So is a Markdown heading here: a headline may ask ("…？") or
	 * cry. */
	if (l->heading > 0 && c != 0x3002)
		return 1;
	if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0C ||
	    c == 0xFF1A || c == 0xFF1B || c == '.' || c == '!' ||
	    c == '?' || c == ',' || c == ':' || c == ';')
		return 0;
	/* A Chinese sentence inside: body text, not a header; nor is a
	 * long line of clauses (a hard-wrapped list of addressees). */
	if (nchars(l->text) > 24 && clause_marks(l->text) >= 3)
		return 0;
	return strstr(l->text, "。") == NULL;
}

/*
 * An English headline in sentence case ("Board agrees plan for the
 * western quay"), as news sites write them: no longer than a headline,
 * ending in a letter or digit (prose ends in punctuation), closing
 * quotation marks aside, with a blank line after it (a hard-wrapped
 * paragraph goes on in the next line; readers may have dropped the
 * blank lines, so the line numbers tell).
 */
static int
headline_like(const struct dc_line **l, size_t n, size_t i)
{
	const char	*s = l[i]->text, *e = s + l[i]->len;
	gunichar	 c = 0;

	/* A headline may end on a quotation ("… about 'looking like
	 * muppets'"): the word before the closing marks counts. */
	while (e > s) {
		e = g_utf8_prev_char(e);
		c = g_utf8_get_char(e);
		if (c != '\'' && c != '"' && c != 0x2019 && c != 0x201D &&
		    c != ')')
			break;
	}
	return l[i]->lang == DC_LANG_EN && l[i]->len <= 90 &&
	    g_unichar_isalnum(c) && i + 1 < n && (l[i + 1]->blank ||
	    l[i + 1]->lineno > l[i]->lineno + 1) &&
	    !dc_is_address(l[i]->text, DC_LANG_EN);
}

/*
 * Is line i cut inside a clause, its rest on the next line: more than
 * twenty characters with a clause mark, ending in a character (no
 * mark), and the next line, adjacent, no longer and ending a sentence?
 */
static int
clause_cut(const struct dc_line **l, size_t n, size_t i)
{
	const char	*s = l[i]->text, *t;
	gunichar	 c;

	if (i + 1 >= n || l[i + 1]->blank || l[i]->len == 0 ||
	    nchars(s) <= 20 || (strstr(s, "，") == NULL && strstr(s,
	    "、") == NULL))
		return 0;
	c = g_utf8_get_char(g_utf8_prev_char(s + l[i]->len));
	if (g_unichar_ispunct(c) || dc_char_script_lang(c) != DC_LANG_ZH)
		return 0;
	t = l[i + 1]->text;
	return nchars(t) <= nchars(s) && (g_str_has_suffix(t, "。") ||
	    g_str_has_suffix(t, "！") || g_str_has_suffix(t, "？") ||
	    g_str_has_suffix(t, "”"));
}

/*
 * What the recognisers say of line i of l[0..n) as a header line: a
 * set of DC_LREC_* bits (parse.h) for the decoder (roles.c).  en: the
 * number of English lines before it (the first may be a headline).
 */
unsigned
dc_recognise_line(const struct dc_line **l, size_t n, size_t i, int en)
{
	const char	*s = l[i]->text;
	char		*iso = NULL;
	unsigned	 r = 0;
	int		 st, e, zh;

	if (l[i]->blank)
		return DC_LREC_BLANK | DC_LREC_HEADER;
	/* An image's text is a figure's: the body's. */
	if (l[i]->heading < 0)
		return 0;
	zh = !(l[i]->lang == DC_LANG_EN || (l[i]->lang < 0 &&
	    (unsigned char)s[0] < 0x80));
	/* A line saying where the text came from stands in the header
	 * whatever its punctuation. */
	/* A photo's caption or credit under a page's first image
	 * ("Photo by X on Y", "图片：…") is no header line. */
	/* Nor is a reporter's byline ("記者某某／台北報導"): it opens
	 * the body. */
	/* Nor is a line cut inside a clause whose rest is the next line
	 * (a hard-wrapped paragraph's first line under the title). */
	if ((header_like(l[i]) || (en == 0 && headline_like(l, n, i)) ||
	    dc_source_line(s, NULL, NULL)) && !g_regex_match(R(RX_R_CAPTION),
	    s, 0, NULL) && !g_regex_match(R(RX_DATELINE_REPORT), s, 0,
	    NULL) && !(zh && i > 0 && clause_cut(l, n, i)))
		r |= DC_LREC_HEADER;
	if (heading_kind(s) != 0)
		r |= DC_LREC_NUMHEAD;
	if (dc_is_address(s, zh ? DC_LANG_ZH : DC_LANG_EN))
		r |= DC_LREC_ADDRESS;
	if ((zh ? nchars(s) <= 24 || g_regex_match(R(RX_HEADER_LINES_PAREN),
	    s, 0, NULL) : strlen(s) <= 80) && find_date_warn(s, &iso, &st,
	    &e, 0))
		r |= DC_LREC_DATE;
	g_free(iso);
	if (zh ? speaker_like(s, 0, 0) : (g_regex_match(
	    R(RX_HEADER_LINES_SPK), s, 0, NULL) ||
	    g_regex_match(R(RX_HEADER_LINES_HON), s, 0, NULL)))
		r |= DC_LREC_SPEAKER;
	if (g_regex_match(R(zh ? RX_HEADER_LINES_SUB :
	    RX_HEADER_LINES_GENRE), s, 0, NULL))
		r |= DC_LREC_SUBTITLE;
	return r;
}

/* Does the Markdown heading level of line i come again after it, on
 * a line of the same language? */
static int
md_level_recurs(const struct dc_line **l, size_t n, size_t i)
{
	size_t	 j;

	for (j = i + 1; j < n; j++)
		if (l[j]->heading == l[i]->heading &&
		    l[j]->lang == l[i]->lang)
			return 1;
	return 0;
}

/* Is heading i the text's first line, a date line the next? */
static int
md_dated_top(const struct dc_line **l, size_t n, size_t i)
{
	char	*iso = NULL;
	size_t	 j;
	int	 st, en, ok;

	for (j = 0; j < i; j++)
		if (!l[j]->blank)
			return 0;
	for (j = i + 1; j < n && l[j]->blank; j++)
		;
	if (j >= n || l[j]->heading > 0)
		return 0;
	ok = find_date_warn(l[j]->text, &iso, &st, &en, 0) && st <= 3;
	g_free(iso);
	return ok;
}

/*
 * Does heading i open the text at its top level: the first line, of a
 * title's length, no heading of a higher level (fewer "#") anywhere,
 * its level's next heading after some text?  A section cut from a longer page ("##
 * Latency vs throughput" and the section after it) is named by the
 * heading it opens with, as a page by its "#" line.
 */
static int
md_opens_top(const struct dc_line **l, size_t n, size_t i)
{
	size_t	 j;

	/* A title is short: a line longer than headlines are is the
	 * first section's lead. */
	if (nchars(l[i]->text) > 60)
		return 0;
	for (j = 0; j < i; j++)
		if (!l[j]->blank)
			return 0;
	for (j = i + 1; j < n; j++)
		if (l[j]->heading > 0 && l[j]->heading < l[i]->heading)
			return 0;
	for (j = i + 1; j < n && (l[j]->blank || l[j]->heading > 0); j++)
		if (l[j]->heading > 0 && l[j]->heading <= l[i]->heading)
			return 0;
	return j < n;
}

/*
 * Is line i of n the label of a larger unit that the next line's
 * heading names a part of: "Chapter 10. Exceptions" over "Item 76: …",
 * "第三章" over a section's title?  The first line of the text, a
 * heading line (or short), and the next line a heading too, whose
 * level comes no more (else it is the first of the unit's sections):
 * it is the kicker over the title, not the title.
 */
static int
unit_kicker(const struct dc_line **l, size_t n, size_t i)
{
	size_t	 j;

	for (j = 0; j < i; j++)
		if (!l[j]->blank)
			return 0;
	for (j = i + 1; j < n && l[j]->blank; j++)
		;
	return j < n && l[j]->heading > 0 && (l[i]->heading > 0 ||
	    nchars(l[i]->text) <= 30) && !md_level_recurs(l, n, j) &&
	    g_regex_match(R(RX_HEADER_UNIT), l[i]->text, 0, NULL);
}

/*
 * Is s a line in both languages, a title and its translation in
 * brackets after it ("Item 76: Strive for failure atomicity（尽力保证
 * 故障原子性）", "前言 (A Short Preface)")?  Each part is of one script
 * alone, the English two words or more, and the first no sentence.  Sets the parts (g_free()) and their
 * languages.
 */
static int
header_both(const char *s, char **a, int *la, char **b, int *lb)
{
	const char	*open, *close, *p;
	size_t		 ol;
	int		 han[2] = { 0, 0 }, latin[2] = { 0, 0 }, k;

	*a = *b = NULL;
	if (g_str_has_suffix(s, "）") && (open = strstr(s, "（")) != NULL) {
		ol = strlen("（");
		close = s + strlen(s) - strlen("）");
	} else if (g_str_has_suffix(s, ")") &&
	    (open = strrchr(s, '(')) != NULL) {
		ol = 1;
		close = s + strlen(s) - 1;
	} else
		return 0;
	if (open == s || close <= open + ol)
		return 0;
	for (p = s; p < close; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		k = p >= open;
		han[k] += g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
		latin[k] += c < 0x80 && g_ascii_isalpha(c);
	}
	if (!((han[0] == 0 && latin[0] > 0 && han[1] > 0 && latin[1] == 0) ||
	    (latin[0] == 0 && han[0] > 0 && latin[1] > 0 && han[1] == 0)))
		return 0;
	/* A translation, not a name's abbreviation ("世界贸易组织
	 * （WTO）"): the English is words, the Chinese two or more. */
	k = han[0] > 0;
	if (latin[k] < 6 || han[!k] < 2 || memchr(k ? open : s, ' ',
	    (size_t)(k ? close - open : open - s)) == NULL)
		return 0;
	*a = g_strstrip(g_strndup(s, (gsize)(open - s)));
	*b = g_strstrip(g_strndup(open + ol, (gsize)(close - open) - ol));
	*la = han[0] > 0 ? DC_LANG_ZH : DC_LANG_EN;
	*lb = han[0] > 0 ? DC_LANG_EN : DC_LANG_ZH;
	/* A sentence is no title ("Chapter 10." numbers one). */
	if (**a == '\0' || **b == '\0' || (strpbrk(*a, "!?") != NULL ||
	    (strchr(*a, '.') != NULL && !g_regex_match(R(RX_HEADER_UNIT),
	    *a, 0, NULL)))) {
		g_free(*a);
		g_free(*b);
		*a = *b = NULL;
		return 0;
	}
	return 1;
}

/*
 * How many of the first n lines form the header block, as the decoder
 * (roles.c) reads the top of the text.  Never all: a text of short
 * lines only has its first line as title at most.
 */
static char	*header_reporters(const char *);

size_t
dc_header_end(const struct dc_line **l, size_t n, const struct dc_opts *o)
{
	unsigned	*rec;
	size_t		 i, h, nonblank = 0, en_lines = 0, under = (size_t)-1;

	/* A "正文：" label says where the body starts; a reporters' line
	 * at its top ("本报记者某某北京报道") is the header's still. */
	for (i = 0; i < n; i++)
		if (l[i]->body) {
			char *by = header_reporters(l[i]->text);

			g_free(by);
			return by != NULL ? i + 1 : i;
		}
	rec = g_new0(unsigned, n + 1);
	/* The heading under a unit's kicker is the title, however deep
	 * its level. */
	for (i = 0; i < n && l[i]->blank; i++)
		;
	if (i < n && unit_kicker(l, n, i))
		for (under = i + 1; under < n && l[under]->blank; under++)
			;
	/* Only the top lines can be the header's (DC_HEADER_FAR). */
	for (i = 0; i < n && i <= DC_HEADER_FAR; i++) {
		rec[i] = dc_recognise_line(l, n, i, (int)en_lines);
		if (i == under)
			rec[i] |= DC_LREC_HEADER;
		if (!l[i]->blank && l[i]->lang == DC_LANG_EN)
			en_lines++;
		/* A Markdown heading deeper than the title's (or a
		 * section's, "##", under lines that are no heading), in
		 * the language of the line before, is the body's first
		 * heading (in another, it may be the title's
		 * translation). */
		if (i > 0 && l[i]->heading > l[0]->heading &&
		    (l[0]->heading > 0 || l[i]->heading >= 2) &&
		    l[i]->lang == l[i - 1]->lang && i != under)
			rec[i] &= ~DC_LREC_HEADER;
		/* A section's heading whose level recurs below is one of
		 * the sections, not the title (which is one) -- unless it
		 * opens the text and a date line follows it, as a page's
		 * headline stands over its stamp ("## 标题" over
		 * "4/2/2024 12:34 PM"), crossheads of its level below; so
		 * is any heading where the front matter named the title,
		 * unless it names the speaker or the date. */
		if ((l[i]->heading >= 2 && md_level_recurs(l, n, i) &&
		    !md_dated_top(l, n, i) && !md_opens_top(l, n, i)) ||
		    (l[i]->section &&
		    !(rec[i] & (DC_LREC_SPEAKER | DC_LREC_DATE))))
			rec[i] &= ~DC_LREC_HEADER;
	}
	/* Is there a body in the first 24 lines: a line no header
	 * has, or a numbered heading after the first line? */
	for (i = 0; i < n && i < DC_HEADER_FAR; i++) {
		if (!(rec[i] & DC_LREC_HEADER) || (nonblank > 0 &&
		    (rec[i] & DC_LREC_NUMHEAD)))
			break;
		if (!l[i]->blank)
			nonblank++;
	}
	if (i == n || i == DC_HEADER_FAR) {
		/* No body after it: only the first line can be a title,
		 * and only if it is short and followed by more. */
		for (i = 0; i < n && l[i]->blank; i++)
			;
		h = i + 1 < n && nchars(l[i]->text) <= 30 ? i + 1 : 0;
	} else
		h = dc_roles_header(l, n, rec, o);
	g_free(rec);
	return h;
}

/* Add a header line node. */
static struct dc_node *
header_add(struct dc_doc *d, enum dc_type t, int lang, const char *text,
    const struct dc_line *l)
{
	return dc_node_append(d->root, dc_node_new(t, lang, text, l->lineno,
	    l->col));
}

/*
 * Is the title so far, over a document's number, the issuer's masthead
 * ("某某县人民政府办公室文件", as red-headed documents print it): one
 * line ending in 文件, no mark in it?  Then it is the header's kicker,
 * and the title is still to come (under the number).
 */
static int
header_masthead(struct dc_doc *d, int lang)
{
	struct dc_lmeta	*m = &d->meta.l[lang];
	struct dc_node	*b, *t = NULL;
	int		 n = 0;

	if (m->title == NULL || !g_str_has_suffix(m->title, "文件") ||
	    nchars(m->title) > 30 || strpbrk(m->title, " \t") != NULL ||
	    strstr(m->title, "，") != NULL || strstr(m->title, "\u3000") !=
	    NULL)
		return 0;
	for (b = d->root->child; b != NULL; b = b->next)
		if (b->type == DC_TITLE) {
			t = b;
			n++;
		}
	if (n != 1 || t->lang != lang)
		return 0;
	t->type = DC_KICKER;
	dc_meta_set(&m->title, NULL);
	return 1;
}

/* Is s an official document's number alone on its line? */
static int
header_docno(const char *s)
{
	return strstr(s, "号") != NULL || strstr(s, "號") != NULL ?
	    g_regex_match(R(RX_HEADER_LINES_DOCNO), s, 0, NULL) : 0;
}

/*
 * Where a title line's closing document number ("…的通知（银发〔2021〕
 * 259号）") begins, or -1 if the line does not end in one or is the
 * number alone.
 */
static int
title_docno_at(const char *s)
{
	GMatchInfo	*mi = NULL;
	int		 st = -1, en;

	if (strstr(s, "号") == NULL && strstr(s, "號") == NULL)
		return -1;
	if (header_docno(s))
		return -1;
	if (g_regex_match(R(RX_HEADER_TITLE_DOCNO), s, 0, &mi))
		g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	return st;
}

/*
 * The names of a reporters' line ("■本报记者 某某 通讯员 某某"), or NULL
 * (g_free()).
 */
static char *
header_reporters(const char *s)
{
	GMatchInfo	*mi = NULL;
	char		*by = NULL;

	if (g_regex_match(R(RX_HEADER_REPORTERS), s, 0, &mi))
		by = g_match_info_fetch(mi, 1);
	g_match_info_free(mi);
	mi = NULL;
	/* "本报记者周昊广州报道": the names, the place and what they did
	 * run together; a name is three characters where two are left
	 * for the place, else two (as dateline_place() reads them). */
	if (by == NULL && g_regex_match(R(RX_HEADER_REPORTED), s, 0, &mi)) {
		char	*who = g_match_info_fetch(mi, 1);
		char	*run = g_match_info_fetch(mi, 2);
		long	 n = g_utf8_strlen(run, -1);

		if (n >= 4)
			*g_utf8_offset_to_pointer(run, n >= 5 ? 3 : 2) = '\0';
		by = g_strconcat(who, run, NULL);
		g_free(who);
		g_free(run);
	}
	g_match_info_free(mi);
	return by;
}

/* A Markdown heading's text without its "# " marks. */
static const char *
md_strip(const char *s)
{
	const char	*p = s;

	while (*p == '#')
		p++;
	if (p == s || (*p != ' ' && *p != '\t'))
		return s;
	while (*p == ' ' || *p == '\t')
		p++;
	return *p != '\0' ? p : s;
}

/* Append text to a metadata string, joining with sep. */
static void
meta_cat(char **p, const char *sep, const char *text)
{
	char	*t;

	if (*p == NULL) {
		*p = g_strdup(text);
		return;
	}
	t = g_strconcat(*p, sep, text, NULL);
	g_free(*p);
	*p = t;
}

/* A Chinese title line after the title so far (dc_title_sep()). */
static void
meta_title(char **p, const char *text)
{
	meta_cat(p, *p != NULL ? dc_title_sep(*p, text, DC_LANG_ZH) : "",
	    text);
}

/*
 * Does this Chinese header line name a speaker?  A name is two to four
 * Han characters (more with the middle dot of transliterations) at
 * the end, after an office word or a space; a line without any
 * punctuation.  Before anything but the title has been seen, an
 * office word is required, so that a title of two short phrases is
 * not taken for "role name".
 */
static int
speaker_like(const char *s, int seen, int havetitle)
{

	if (g_utf8_strlen(s, -1) > 30 || strpbrk(s, ",.!?:;\"'()") ||
	    g_regex_match_simple("[，。！？：；、“”‘’《》（）「」]", s, 0, 0) ||
	    g_regex_match(R(RX_SPEAKER_LIKE_GENRE), s, 0, NULL))
		return 0;
	if (g_regex_match(R(RX_SPEAKER_LIKE_OFFICE),
	    s, 0, NULL))
		return 1;
	if (seen && g_regex_match(R(RX_SPEAKER_LIKE_SEP),
	    s, 0, NULL))
		return 1;
	return havetitle && g_regex_match(R(RX_SPEAKER_LIKE_NAME), s, 0, NULL);
}

/* Split a Chinese speaker line "中华人民共和国主席　习近平" into role
 * and name: at the last space, else after the last office word. */
static void
speaker_zh(struct dc_lmeta *m, const char *s)
{
	GMatchInfo	*mi = NULL;
	const char	*sp = NULL, *p;
	char		*t;
	int		 st, en;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p))
		if (*p == ' ' || g_utf8_get_char(p) == 0x3000)
			sp = p;
	if (sp != NULL) {
		t = g_strstrip(g_strndup(s, sp - s));
		for (p = sp; *p == ' ' || g_utf8_get_char(p) == 0x3000; )
			p = g_utf8_next_char(p);
		dc_meta_set(&m->role, *t != '\0' ? t : NULL);
		dc_meta_set(&m->speaker, p);
		g_free(t);
		return;
	}
	if (g_regex_match(R(RX_SPEAKER_ZH_OFFICE), s, 0,
	    &mi)) {
		g_match_info_fetch_pos(mi, 1, &st, &en);
		t = g_strndup(s, en);
		dc_meta_set(&m->role, t);
		dc_meta_set(&m->speaker, s + en);
		g_free(t);
	} else
		dc_meta_set(&m->speaker, s);
	g_match_info_free(mi);
}

/* "Remarks by H.E. Xi Jinping" -> "Xi Jinping"; a role after a comma
 * ("..., President of ...") goes to the role. */
static void
speaker_en(struct dc_lmeta *m, const char *s)
{
	GMatchInfo	*mi = NULL;
	char		*name, *comma, *t;

	if (g_regex_match(R(RX_SPEAKER_EN_BY), s, 0, &mi))
		name = g_match_info_fetch(mi, 1);
	else
		name = g_strdup(s);
	g_match_info_free(mi);
	t = g_regex_replace(R(RX_SPEAKER_EN_HON),
	    name, -1, 0, "", 0, NULL);
	g_free(name);
	name = t;
	/* "… by the Secretary-General at the Opening of …": the occasion
	 * follows the name. */
	if (g_regex_match(R(RX_SPEAKER_EN_AT), name, 0,
	    &mi)) {
		int st, en;
		char *occ;
		g_match_info_fetch_pos(mi, 0, &st, &en);
		/* After the white space it starts with, which may be
		 * more than a byte (U+3000). */
		occ = g_strstrip(g_strdup(g_utf8_next_char(name + st)));
		if (m->occasion == NULL && *occ != '\0')
			m->occasion = occ;
		else
			g_free(occ);
		name[st] = '\0';
	}
	g_match_info_free(mi);
	mi = NULL;
	if ((comma = strchr(name, ',')) != NULL) {
		*comma = '\0';
		t = g_strstrip(g_strdup(comma + 1));
		/* The comma before the occasion is not the role's. */
		while (*t != '\0' && strchr(",;", t[strlen(t) - 1]) != NULL)
			t[strlen(t) - 1] = '\0';
		g_strchomp(t);
		if (*t != '\0')
			dc_meta_set(&m->role, t);
		g_free(t);
	}
	g_strstrip(name);
	if (*name != '\0')
		dc_meta_set(&m->speaker, name);
	g_free(name);
}

/*
 * Does s open with a date that only its weekday, its time of day and
 * a field follow ("2020 年 7 月 1 日 星期三 18:30 来源：某报"): a page's
 * date line, however long its field?
 */
static int
date_line(const char *s)
{
	char	*iso = NULL;
	int	 st, en;
	size_t	 t;

	if (!find_date_warn(s, &iso, &st, &en, 0))
		return 0;
	g_free(iso);
	if (st != 0)
		return 0;
	t = (size_t)en + date_time_len(s + en);
	return s[t] == '\0' || g_regex_match(R(RX_DATE_FIELD_AT), s + t, 0,
	    NULL);
}

/* Record a date-and-place line in the metadata of its language. */
static int
header_date(struct dc_doc *d, int lang, const char *s)
{
	char	*iso = NULL, *date = NULL, *place = NULL;

	if (!dc_parse_date(s, &iso, &date, &place))
		return 0;
	/* The occasion's date is the text's; a publication line's is
	 * only when a paper printed it. */
	if (!d->meta.date_occasion && (d->meta.date_iso == NULL ||
	    strlen(iso) > strlen(d->meta.date_iso)))
		dc_meta_set(&d->meta.date_iso, iso);
	if (!d->meta.date_occasion || d->meta.l[lang].date == NULL)
		dc_meta_set(&d->meta.l[lang].date, date);
	if (place != NULL)
		dc_meta_set(&d->meta.l[lang].place, place);
	g_free(iso);
	g_free(date);
	g_free(place);
	return 1;
}

/* Record the date a header line holds, without its place. */
static void
header_date_only(struct dc_doc *d, int lang, const char *s)
{
	char	*iso = NULL;
	int	 st, en;

	if (!find_date_warn(s, &iso, &st, &en, 0))
		return;
	dc_meta_set(&d->meta.date_iso, iso);
	g_free(iso);
	iso = g_strndup(s + st, en - st);
	dc_meta_set(&d->meta.l[lang].date, iso);
	g_free(iso);
}

/*
 * Is s a web page's stamp, a full date and the time of day ("来源：某社
 * 2016年12月31日 19:06", "2020-01-29 08:30")?  Its date is the text's
 * (where the header has no other with its year); returns 1, else 0.
 */
static int
header_stamp(struct dc_doc *d, int lang, const char *s)
{
	char	*iso = NULL, *t;
	int	 st, en, ok;

	if (!find_date_warn(s, &iso, &st, &en, 0))
		return 0;
	ok = strlen(iso) == 10 && g_regex_match(R(RX_STAMP_TIME), s + en, 0,
	    NULL);
	if (ok && !d->meta.date_occasion && (d->meta.date_iso == NULL ||
	    strlen(d->meta.date_iso) < 10)) {
		dc_meta_set(&d->meta.date_iso, iso);
		t = g_strndup(s + st, en - st);
		dc_meta_set(&d->meta.l[lang].date, t);
		g_free(t);
	}
	g_free(iso);
	return ok;
}

/*
 * A speech's title that names its speaker by office and name before
 * what the speaker did ("国务委员兼外交部长某某某在…上的讲话", "国家主席
 * 某某某发表…贺词") gives the speaker and the role, where no speaker
 * line does.
 */
static void
title_speaker(struct dc_lmeta *m, const char *s)
{
	GMatchInfo	*mi = NULL;
	char		*role, *name;
	const char	*p, *r;

	if (m->speaker == NULL && g_regex_match(R(RX_TITLE_SPEAKER), s, 0,
	    &mi) && g_regex_match(R(RX_SPEAKER_LIKE_GENRE), s, 0, NULL)) {
		role = g_match_info_fetch(mi, 1);
		name = g_match_info_fetch(mi, 3);
		dc_meta_set(&m->speaker, name);
		/* The office, not a label before it ("双语全文！国家主席"). */
		for (r = p = role; *p != '\0'; p = g_utf8_next_char(p))
			if (g_utf8_strchr("！？。：:｜|!?", -1,
			    g_utf8_get_char(p)) != NULL)
				r = g_utf8_next_char(p);
		if (m->role == NULL && *r != '\0')
			dc_meta_set(&m->role, r);
		g_free(role);
		g_free(name);
	}
	g_match_info_free(mi);
}

/* title_speaker() of a title the front matter names. */
void
dc_title_speaker(struct dc_lmeta *m, const char *s)
{
	title_speaker(m, s);
}

/*
 * A title that ends in its issue's date after a bar or dash ("某某周报
 * #376 | 2026-08-03"): the date is the text's where the header has none
 * (the title keeps it, as written).
 */
static void
title_date(struct dc_doc *d, int lang, const char *s)
{
	GMatchInfo	*mi = NULL;
	char		*iso = NULL, *t;
	int		 st, en, at;

	if (d->meta.date_iso != NULL || !g_regex_match(R(RX_TITLE_DATE), s,
	    0, &mi)) {
		g_match_info_free(mi);
		return;
	}
	g_match_info_fetch_pos(mi, 1, &at, NULL);
	g_match_info_free(mi);
	if (find_date_warn(s + at, &iso, &st, &en, 0) && s[at + en] == '\0' &&
	    strlen(iso) == 10) {
		dc_meta_set(&d->meta.date_iso, iso);
		t = g_strndup(s + at + st, en - st);
		dc_meta_set(&d->meta.l[lang].date, t);
		g_free(t);
	}
	g_free(iso);
}

/*
 * A subtitle that tells the occasion, "——2020年1月5日在某市第三届人民代
 * 表大会第二次会议上", "——某某某在2016年1月13日某会上的讲话": what was
 * said there is dated by it, not by the line that says when a paper
 * printed it ("时间：…", a page's stamp), whichever comes first; and a
 * name before "在" under a speech's title is the speaker's.
 */
static void
occasion_meta(struct dc_doc *d, int lang, const char *s)
{
	GMatchInfo	*mi = NULL;
	char		*iso = NULL, *t, *name;
	int		 st, en;

	if (strstr(s, "在") == NULL && strstr(s, "于") == NULL &&
	    strstr(s, "於") == NULL)
		return;
	if (!g_str_has_suffix(s, "上") && !g_regex_match(
	    R(RX_SPEAKER_LIKE_GENRE), s, 0, NULL))
		return;
	if (find_date_warn(s, &iso, &st, &en, 0) && strlen(iso) == 10) {
		dc_meta_set(&d->meta.date_iso, iso);
		t = g_strndup(s + st, en - st);
		dc_meta_set(&d->meta.l[lang].date, t);
		g_free(t);
		d->meta.date_occasion = 1;
	}
	g_free(iso);
	if (d->meta.l[lang].speaker == NULL && g_regex_match(
	    R(RX_SPEAKER_LIKE_GENRE), s, 0, NULL) && g_regex_match(
	    R(RX_OCCASION_SPEAKER), s, 0, &mi)) {
		t = g_match_info_fetch(mi, 1);
		if ((name = person_name(t)) != NULL)
			dc_meta_set(&d->meta.l[lang].speaker, name);
		g_free(name);
		g_free(t);
	}
	g_match_info_free(mi);
}

/*
 * A title that a site's list prints with its date in brackets after it
 * ("春节放假通告及售后服务安排  （02-04）", "某某公告(2019-03-01)"): the
 * date is no part of the title; a full one dates the text where the
 * header has none.  Returns the title (g_free()).
 */
static char *
title_undated(struct dc_doc *d, int lang, const char *s)
{
	GMatchInfo	*mi = NULL;
	char		*t, *iso = NULL, *dt = NULL, *pl = NULL;
	int		 st, en;

	if (!g_regex_match(R(RX_TITLE_PAREN_DATE), s, 0, &mi)) {
		g_match_info_free(mi);
		return g_strdup(s);
	}
	g_match_info_fetch_pos(mi, 0, &st, &en);
	t = g_match_info_fetch(mi, 1);
	g_match_info_free(mi);
	if (st > 0 && d->meta.date_iso == NULL && dc_parse_date(t, &iso,
	    &dt, &pl) && strlen(iso) == 10) {
		dc_meta_set(&d->meta.date_iso, iso);
		dc_meta_set(&d->meta.l[lang].date, dt);
	}
	g_free(iso);
	g_free(dt);
	g_free(pl);
	g_free(t);
	return st > 0 ? g_strndup(s, st) : g_strdup(s);
}

/*
 * A title as a page's <title> gives it, the site's name after a bar,
 * a dash or an underscore ("某某事件_青梧新闻网", "某某事件 - 青梧晚报",
 * "某某事件 | 某台"): the name is the publisher's (where none is known),
 * no part of the title; and a title wholly in Markdown's bold marks
 * ("**某某事件**") is the title within them.  t is cut in place.
 */
static void
title_unsited(struct dc_doc *d, char *t)
{
	GMatchInfo	*mi = NULL;
	char		*site;
	int		 st, en;
	size_t		 n = strlen(t);

	if (n > 4 && (strncmp(t, "**", 2) == 0 || strncmp(t, "__", 2) == 0) &&
	    strncmp(t + n - 2, t, 2) == 0) {
		memmove(t, t + 2, n - 4);
		t[n - 4] = '\0';
	}
	if (!g_regex_match(R(RX_TITLE_SITE), t, 0, &mi)) {
		g_match_info_free(mi);
		return;
	}
	g_match_info_fetch_pos(mi, 0, &st, &en);
	site = g_match_info_fetch(mi, 1);
	g_match_info_free(mi);
	if (st > 0) {
		if (d->meta.from == NULL)
			dc_meta_set(&d->meta.from, site);
		t[st] = '\0';
	}
	g_free(site);
}

/*
 * Is s, under a title of one line, the deck (副题) that sums the story
 * up under its headline: half as long again as the title and longer
 * than a headline line is (a title broken in two, or a couplet, has
 * lines of about one length)?
 */
static int
deck_under(const char *title, const char *s)
{
	long	 t, n;

	if (title == NULL || strstr(title, "\u3000") != NULL)
		return 0;
	t = nchars(title);
	n = nchars(s);
	return n > 16 && n * 2 >= t * 3;
}

/*
 * A Chinese header line: subtitle after dashes, a profile's kicker,
 * date and place, speaker, a title line (with its subtitle after
 * "——"), or, after those, the occasion.  more: lines follow it.
 */
static void
header_zh(struct dc_doc *d, int *seen, const struct dc_line *line, int more)
{
	struct dc_lmeta	*m = &d->meta.l[DC_LANG_ZH];
	const char	*s = line->text;
	GMatchInfo	*mi = NULL;
	char		*by;
	int		 lang = DC_LANG_ZH, st, en;

	/* Dashes open a subtitle: en is where it starts. */
	en = -1;
	if (g_regex_match(R(RX_HEADER_LINES_SUB),
	    s, 0, &mi))
		g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	mi = NULL;
	if (en < 0 && m->title == NULL && more &&
	    (g_str_has_suffix(s, "——") || g_str_has_suffix(s,
	    "—")) && nchars(s) <= 30) {
		/* "某地某人——" over a headline: the kicker
		 * of a profile, the headline follows. */
		char *k = g_strdup(s);
		while (g_str_has_suffix(k, "—"))
			k[strlen(k) - strlen("—")] = '\0';
		g_strstrip(k);
		dc_meta_set(&m->kicker, *k != '\0' ? k : s);
		g_free(k);
		header_add(d, DC_KICKER, lang, s, line);
	} else if (en >= 0) {
		dc_meta_set(&m->subtitle, s + en);
		header_add(d, DC_SUBTITLE, lang, s, line);
		occasion_meta(d, lang, s + en);
		*seen = 1;
	} else if (m->title != NULL && g_regex_match(R(RX_R_BYLINE), s, 0,
	    NULL)) {
		/* "（记者 某某）" under the title: the byline. */
		char *in = NULL;
		if (g_regex_match(R(RX_R_BYLINE), s, 0, &mi))
			in = g_match_info_fetch(mi, 1);
		g_match_info_free(mi);
		mi = NULL;
		if (in != NULL)
			dc_byline_meta(d, "", "", in);
		g_free(in);
		if (d->meta.reporters != NULL && m->speaker == NULL)
			dc_meta_set(&m->speaker, d->meta.reporters);
		header_add(d, DC_BYLINE, lang, s, line);
		*seen = 1;
	} else if ((m->title != NULL || line->body) &&
	    (by = header_reporters(s)) != NULL) {
		/* "■本报记者 某某 通讯员 某某" under the title (or over the
		 * text a "正文：" label opened, the title a label's): the
		 * byline. */
		dc_byline_meta(d, "", "", by);
		header_add(d, DC_BYLINE, lang, s, line);
		g_free(by);
		*seen = 1;
	} else if (!(m->title == NULL && (g_regex_match(R(RX_TITLE_DATE), s,
	    0, NULL) || g_regex_match(R(RX_SPEAKER_LIKE_GENRE), s, 0,
	    NULL))) && (g_regex_match(R(RX_HEADER_LINES_PAREN), s, 0,
	    NULL) || nchars(s) <= 24 || date_line(s)) &&
	    header_date(d, lang, s)) {
		/* (Not a first line that ends in a date after a bar: a
		 * title with its issue's date, title_date(); nor one that
		 * ends as speeches are named, "在2016年1月25日某会上的讲
		 * 话": a title that holds its date.) */
		header_add(d, DC_DATEPLACE, lang, s, line);
		/* A page's update time is not the text's own date. */
		d->meta.date_stamp = g_regex_match_simple("^(?:最后|最後)?"
		    "(?:更新|修改|修订|修訂)(?:时间|時間|日期|于|於)?"
		    "[ \\t\\x{3000}]*[:：]", s, 0, 0);
		*seen = 1;
	} else if (header_stamp(d, lang, s)) {
		header_add(d, DC_DATEPLACE, lang, s, line);
		*seen = 1;
	} else if (g_regex_match(R(RX_HEADER_LINES_PAREN), s,
	    0, NULL) && (strstr(s, "月") != NULL ||
	    strstr(s, "年") != NULL)) {
		/* Dated, but not a real date: still the
		 * date-and-place line (warned about). */
		header_add(d, DC_DATEPLACE, lang, s, line);
		*seen = 1;
	} else if (speaker_like(s, *seen,
	    m->title != NULL)) {
		speaker_zh(m, s);
		header_add(d, DC_SPEAKER, lang, s, line);
		*seen = 1;
	} else if (*seen && m->title != NULL) {
		dc_msg(DC_WARN_ROLE, line->lineno, 0, "header "
		    "line kept as occasion: %s", s);
		meta_cat(&m->occasion, "", s);
		header_add(d, DC_OCCASION, lang, s, line);
	} else if (g_regex_match(R(RX_HEADER_LINES_DASH), s,
	    0, &mi)) {
		/* Title line that also holds the subtitle. */
		char *a = g_match_info_fetch(mi, 1);
		char *b = g_match_info_fetch(mi, 2);
		meta_title(&m->title, a);
		header_add(d, DC_TITLE, lang, a, line);
		dc_meta_set(&m->subtitle, b + strlen("——"));
		header_add(d, DC_SUBTITLE, lang, b, line);
		g_free(a);
		g_free(b);
		*seen = 1;
	} else if ((st = title_docno_at(s)) > 0) {
		/* A title line that ends in the document's number: the
		 * number is not the title's, and it closes the title (no
		 * line after it continues the title). */
		char *t = g_strndup(s, st);
		meta_title(&m->title, md_strip(t));
		header_add(d, DC_TITLE, lang, s, line);
		title_speaker(m, t);
		g_free(t);
		*seen = 1;
	} else if (deck_under(m->title, s)) {
		dc_meta_set(&m->subtitle, md_strip(s));
		header_add(d, DC_SUBTITLE, lang, s, line);
		*seen = 1;
	} else {
		char *t = title_undated(d, lang, md_strip(s));
		size_t n = strlen(s);
		/* A title under a date or a paper's page line, no
		 * speaker named: the lines after it are the title's
		 * (wrapped, its deck), not an occasion. */
		if (m->title == NULL && m->speaker == NULL)
			*seen = 0;
		title_unsited(d, t);
		meta_title(&m->title, t);
		/* A line in bold marks is the title in them: the marks
		 * are markup, as they are where Markdown is read. */
		if (n > 4 && (strncmp(s, "**", 2) == 0 || strncmp(s, "__",
		    2) == 0) && strncmp(s + n - 2, s, 2) == 0) {
			char *u = g_strndup(s + 2, n - 4);
			header_add(d, DC_TITLE, lang, u, line);
			g_free(u);
		} else
			header_add(d, DC_TITLE, lang, s, line);
		title_speaker(m, s);
		title_date(d, lang, s);
		g_free(t);
	}
	g_match_info_free(mi);
	mi = NULL;
}

/*
 * An English header line: "Remarks by …" names the speaker, a genre
 * line after the title is the subtitle, then date and place, occasion
 * and role; else a title line.
 */
static void
header_en(struct dc_doc *d, int *seen, int *inocc, const struct dc_line *line)
{
	struct dc_lmeta	*m = &d->meta.l[DC_LANG_EN];
	const char	*s = line->text;
	int		 lang = DC_LANG_EN;
	enum dc_type	 ty;

	ty = DC_TITLE;
	if (g_regex_match(R(RX_HEADER_LINES_SPK), s,
	    0, NULL) || g_regex_match(R(RX_HEADER_LINES_HON), s, 0, NULL)) {
		/* "Remarks by H.E. …", "H.E. Li Keqiang, Premier …";
		 * the date the line may end with is the text's. */
		ty = DC_SPEAKER;
		speaker_en(m, s);
		if (d->meta.date_iso == NULL)
			header_date_only(d, lang, s);
	} else if (m->title != NULL && g_regex_match(
	    R(RX_HEADER_LINES_GENRE), s, 0, NULL)) {
		/* "Keynote Speech at the APEC CEO Summit": the
		 * English counterpart of the dash subtitle. */
		ty = DC_SUBTITLE;
	} else if (!(m->title == NULL && g_regex_match(R(RX_TITLE_DATE), s,
	    0, NULL)) && strlen(s) <= 80 && header_date(d, lang, s))
		ty = DC_DATEPLACE;
	else if (g_regex_match(R(RX_HEADER_LINES_OCC), s, 0, NULL) &&
	    *seen)
		ty = DC_OCCASION;
	else if (*inocc)
		ty = DC_OCCASION;
	else if (*seen && m->speaker != NULL &&
	    m->occasion == NULL)
		ty = DC_ROLE;
	else if (*seen) {
		dc_msg(DC_WARN_ROLE, line->lineno, 0, "kept as "
		    "occasion: %s", s);
		ty = DC_OCCASION;
	}
	switch (ty) {
	case DC_TITLE:
		meta_cat(&m->title, " ", md_strip(s));
		title_date(d, lang, s);
		break;
	case DC_SUBTITLE:
		meta_cat(&m->subtitle, " ", s);
		break;
	case DC_OCCASION:
		meta_cat(&m->occasion, " ", s);
		*inocc = 1;
		break;
	case DC_ROLE:
		meta_cat(&m->role, " ", s);
		break;
	case DC_SPEAKER:
	case DC_DATEPLACE:
		*inocc = 0;
		break;
	default:
		abort();
	}
	if (ty != DC_TITLE)
		*seen = 1;
	header_add(d, ty, lang, s, line);
}

/*
 * A first header line named as files are, "2013-04-28_title": its date
 * (*date, g_malloc'd) is the text's if the header has no other; it is
 * the title line if no other header line follows (the title without
 * the date), else a line of the date.  Returns 1 if line i is one.
 */
static int
header_file_title(struct dc_doc *d, int lang, const struct dc_line **l,
    size_t i, size_t n, char **date)
{
	GMatchInfo	*mi = NULL;
	char		*t;
	size_t		 j;

	if (!g_regex_match(R(RX_FILE_TITLE), l[i]->text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	*date = g_match_info_fetch(mi, 1);
	for (j = i + 1; j < n && l[j]->blank; j++)
		;
	if (j < n)
		header_add(d, DC_DATEPLACE, lang, l[i]->text, l[i]);
	else {
		/* Alone, the line is a date and a title: two header
		 * lines, so that the title lines say the title. */
		struct dc_node	*h;
		gint		 st, en;

		t = g_match_info_fetch(mi, 2);
		g_match_info_fetch_pos(mi, 2, &st, &en);
		meta_cat(&d->meta.l[lang].title, " ", t);
		header_add(d, DC_DATEPLACE, lang, *date, l[i]);
		h = header_add(d, DC_TITLE, lang, t, l[i]);
		h->col = l[i]->col + st;
		g_free(t);
	}
	g_match_info_free(mi);
	return 1;
}

/*
 * A credit line in the header, "文｜某某", "编辑｜某某", "图｜某社": a
 * byline; the writer's name is the author where none is known.
 * Returns 1 if s is one.
 */
static int
header_credit(struct dc_doc *d, int lang, const struct dc_line *line)
{
	GMatchInfo	*mi = NULL;
	char		*w, *name;

	if (!g_regex_match(R(RX_CREDIT_LINE), line->text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	w = g_match_info_fetch(mi, 1);
	name = g_match_info_fetch(mi, 2);
	g_match_info_free(mi);
	mi = NULL;
	/* "文/某某 图/某某": a credit each, the name ends at the next. */
	if (g_regex_match(R(RX_CREDIT_NEXT), name, 0, &mi)) {
		int cs, ce;
		g_match_info_fetch_pos(mi, 0, &cs, &ce);
		name[cs] = '\0';
	}
	g_match_info_free(mi);
	/* The writer's credit names the author (a photographer's alone
	 * does not). */
	if (d->meta.l[lang].speaker == NULL && g_regex_match(
	    R(RX_CREDIT_WRITES), w, 0, NULL))
		dc_meta_set(&d->meta.l[lang].speaker, name);
	header_add(d, DC_BYLINE, lang, line->text, line);
	g_free(w);
	g_free(name);
	return 1;
}

/*
 * A header line that says where the text came from ("原文来自「某报」：
 * 某题", "Originally published in …"): a source line, never a title;
 * the outlet and the title there go to the metadata where it has
 * none.  Returns 1 if the line is one.
 */
static int
header_source(struct dc_doc *d, int lang, const struct dc_line *line)
{
	struct dc_node	*n;
	char		*from, *title;

	if (!dc_source_line(line->text, &from, &title))
		return 0;
	if (d->meta.from == NULL)
		dc_meta_set(&d->meta.from, from);
	if (title != NULL && d->meta.orig_title == NULL)
		dc_meta_set(&d->meta.orig_title, title);
	n = header_add(d, DC_SOURCE, lang, line->text, line);
	n->sub = DC_SUB_FROM;
	g_free(from);
	g_free(title);
	return 1;
}

/*
 * A page's line of fields under its title, each a label and its value
 * ("来源：某报 | 作者：某某 | 2031-06-01", "2031-06-01 来源: 某报 作者: 某某
 * 浏览次数: 1023"): the publisher, the author and the date, each from
 * its own field (not the publisher's name running on into the next
 * label).  Two labelled fields at least.  Returns 1 if the line is one.
 */
/* v without white space at either end, the ideographic space (between
 * a line's fields) too; v itself. */
static char *
fields_strip(char *v)
{
	size_t	 n;

	g_strstrip(v);
	while ((n = strlen(v)) >= 3 && strcmp(v + n - 3, "\u3000") == 0) {
		v[n - 3] = '\0';
		g_strchomp(v);
	}
	while (g_str_has_prefix(v, "\u3000")) {
		memmove(v, v + 3, strlen(v + 3) + 1);
		g_strchug(v);
	}
	return v;
}

static int
header_fields(struct dc_doc *d, int lang, const struct dc_line *line)
{
	GMatchInfo	*mi = NULL;
	const char	*s = line->text;
	int		 at[16], lab[16], n = 0, i, st, en, from = 0;
	int		 dated = 0;
	char		*v, *w;

	if (dc_u8_count(s, 120) > 120 || !g_regex_match(R(RX_FIELD_LABEL), s,
	    0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	while (g_match_info_matches(mi) && n < 16) {
		g_match_info_fetch_pos(mi, 0, &st, &en);
		at[n] = st;
		lab[n++] = en;
		g_match_info_next(mi, NULL);
	}
	g_match_info_free(mi);
	/* One label is a line of fields where a date stands before it
	 * ("2021-03-05 来源：某报"). */
	if (n < 2) {
		if (n == 1 && at[0] > 0) {
			v = fields_strip(g_strndup(s, at[0]));
			dated = *v != '\0' && date_line(v);
			g_free(v);
		}
		if (!dated)
			return 0;
	}
	/* What stands before the first label: a date, or nothing. */
	if (at[0] > 0) {
		v = fields_strip(g_strndup(s, at[0]));
		if (*v != '\0' && !date_line(v)) {
			g_free(v);
			return 0;
		}
		if (*v != '\0')
			header_date(d, lang, v);
		g_free(v);
	}
	for (i = 0; i < n; i++) {
		const char *e = i + 1 < n ? s + at[i + 1] : s + strlen(s);
		w = g_strndup(s + at[i], lab[i] - at[i]);
		v = fields_strip(g_strndup(s + lab[i], e - (s + lab[i])));
		while (*v != '\0' && (g_str_has_suffix(v, "|") ||
		    g_str_has_suffix(v, "｜")))
			v[strlen(v) - (g_str_has_suffix(v, "|") ? 1 : 3)] = '\0',
			    fields_strip(v);
		if (*v != '\0') {
			if (g_regex_match_simple("^(?:来源|來源|出处|出處)", w,
			    0, 0)) {
				if (d->meta.from == NULL)
					dc_meta_set(&d->meta.from, v);
				from = 1;
			} else if (g_regex_match_simple("^(?:作者|记者|記者)", w,
			    0, 0)) {
				if (d->meta.l[lang].speaker == NULL)
					dc_meta_set(&d->meta.l[lang].speaker, v);
			} else if (g_regex_match_simple("(?:时间|時間|日期)", w,
			    0, 0))
				header_date(d, lang, v);
		}
		g_free(w);
		g_free(v);
	}
	/* A date and one field: the date's line still. */
	if (from && !dated)
		header_add(d, DC_SOURCE, lang, s, line)->sub = DC_SUB_FROM;
	else
		header_add(d, DC_DATEPLACE, lang, s, line);
	return 1;
}

/*
 * A WeChat article's line under its title, as copies keep it: "原创"
 * (original), the writer, the account that ran it and the date ("原创
 * 某某 某某观察 2031-06-01").  The writer is the author, the account the
 * publisher, the date the text's.  Returns 1 if the line is one.
 */
static int
header_original(struct dc_doc *d, int lang, const struct dc_line *line)
{
	GMatchInfo	*mi = NULL;
	char		*name, *acct, *date;

	if (!g_regex_match(R(RX_WECHAT_LINE), line->text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	name = g_match_info_fetch(mi, 1);
	acct = g_match_info_fetch(mi, 2);
	date = g_match_info_fetch(mi, 3);
	g_match_info_free(mi);
	if (d->meta.l[lang].speaker == NULL && *name != '\0')
		dc_meta_set(&d->meta.l[lang].speaker, name);
	if (d->meta.from == NULL && *acct != '\0')
		dc_meta_set(&d->meta.from, acct);
	header_date(d, lang, date);
	header_add(d, DC_SOURCE, lang, line->text, line)->sub = DC_SUB_FROM;
	g_free(name);
	g_free(acct);
	g_free(date);
	return 1;
}

/*
 * "原文来自「某人」：某题" where the title there is this text's own: the
 * text is that original, reposted, and the source it names is its
 * writer, where nothing in the text (a credit, a byline) named one.
 */
/*
 * Does s open with a common Chinese surname (the hundred and more
 * that name nine people in ten, in both scripts, and the compound
 * ones)?
 */
static int
han_surname(const char *s)
{
	static const char *const two[] = { "欧阳", "歐陽", "司马", "司馬",
	    "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "尉遲",
	    "慕容", "令狐", "公孙", "公孫", "夏侯", "长孙", "長孫", "宇文",
	    "司徒", "端木", NULL };
	static const char one[] =
	    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅"
	    "郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余"
	    "杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈"
	    "夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛"
	    "郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊"
	    "易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞"
	    "左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲"
	    "翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽"
	    "时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景"
	    "党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师"
	    "師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲"
	    "邝鄺";
	gunichar	 c;
	size_t		 i;

	for (i = 0; two[i] != NULL; i++)
		if (g_str_has_prefix(s, two[i]))
			return 1;
	c = g_utf8_get_char(s);
	return c >= 0x3400 && g_utf8_strchr(one, -1, c) != NULL;
}

static void
header_source_author(struct dc_doc *d)
{
	char	*name;
	int	 i;

	static const char *const org[] = { "报", "報", "网", "網", "社",
	    "台", "刊", "志", "经", "經", "闻", "聞", "讯", "訊", "号",
	    "號", "局", "部", "会", "會", "院", "厅", "所", "司", NULL };
	size_t	 k, n;

	if (d->meta.from == NULL || d->meta.orig_title == NULL)
		return;
	/* An outlet or a body ends in the noun of its kind ("某某财经",
	 * "某某日报", "某某公众号"): no person. */
	n = strlen(d->meta.from);
	for (k = 0; org[k] != NULL; k++)
		if (n >= strlen(org[k]) && strcmp(d->meta.from + n -
		    strlen(org[k]), org[k]) == 0)
			return;
	/* A platform or a column ("知乎", "某某说") is no person: a
	 * Chinese name opens with a surname. */
	if (!han_surname(d->meta.from))
		return;
	for (i = 0; i < DC_LANG__MAX; i++) {
		if (d->meta.l[i].title == NULL || d->meta.l[i].speaker !=
		    NULL || strcmp(d->meta.l[i].title, d->meta.orig_title) != 0)
			continue;
		if ((name = person_name(d->meta.from)) != NULL) {
			dc_meta_set(&d->meta.l[i].speaker, name);
			g_free(name);
		}
	}
}

/*
 * A header line giving the title the text had where it first stood
 * ("（原标题：…）"), or the outlet that ran it ("【某某报】"): a source
 * line, the original title or the publisher in the metadata.
 */
static int
header_origtitle(struct dc_doc *d, int lang, const struct dc_line *line)
{
	GMatchInfo	*mi = NULL;
	struct dc_node	*n;
	char		*t;
	int		 outlet = 0;

	if (!g_regex_match(R(RX_HEADER_ORIGTITLE), line->text, 0, &mi)) {
		g_match_info_free(mi);
		mi = NULL;
		if (!g_regex_match(R(RX_HEADER_OUTLET), line->text, 0, &mi)) {
			g_match_info_free(mi);
			return 0;
		}
		outlet = 1;
	}
	t = g_match_info_fetch(mi, 1);
	g_match_info_free(mi);
	if (outlet ? d->meta.from == NULL : d->meta.orig_title == NULL)
		dc_meta_set(outlet ? &d->meta.from : &d->meta.orig_title, t);
	g_free(t);
	n = header_add(d, DC_SOURCE, lang, line->text, line);
	n->sub = outlet ? DC_SUB_FROM : DC_SUB_ORIGTITLE;
	return 1;
}

/* Has the text a title: in the header, or from its front matter (fm,
 * by language)? */
static int
header_titled(const struct dc_doc *d, char *const *fm)
{
	int	 i;

	for (i = 0; i < DC_LANG__MAX; i++)
		if (d->meta.l[i].title != NULL || fm[i] != NULL)
			return 1;
	return 0;
}

/*
 * One language's part of header line l (text, of lang): the kicker
 * over the title if kick is set, else a header line of its language.
 */
static void
header_part(struct dc_doc *d, int *seen, int *inocc, const struct dc_line *l,
    const char *text, int lang, int kick, int more)
{
	struct dc_line	 c = *l;

	c.text = (char *)text;
	c.len = strlen(text);
	c.lang = lang;
	if (kick) {
		dc_meta_set(&d->meta.l[lang].kicker, text);
		header_add(d, DC_KICKER, lang, text, l);
	} else if (lang == DC_LANG_ZH)
		header_zh(d, &seen[lang], &c, more);
	else
		header_en(d, &seen[lang], &inocc[lang], &c);
}

/*
 * Classify the header lines by their forms and add them to the tree
 * and the metadata.  Each language has its own sequence: title lines
 * come first, then subtitle, occasion, speaker and role, date and
 * place in whatever order the text has them.
 */
void
dc_header_lines(struct dc_doc *d, const struct dc_line **l, size_t n)
{
	GMatchInfo	*mi = NULL;
	size_t		 i;
	int		 lang, seen[DC_LANG__MAX] = { 0 };
	int		 inocc[DC_LANG__MAX] = { 0 }, first = 1;
	int		 flang = DC_LANG_ZH, kick, la, lb;
	char		*t, *fm[DC_LANG__MAX], *fdate = NULL, *ba, *bb;
	const char	*coll = NULL;
	int		 clang = DC_LANG_ZH, widget = 0;
	const struct dc_line *wl = NULL;
	GString		*wg = g_string_new(NULL);

	/* A title from front matter is used only if the text has none. */
	for (i = 0; i < DC_LANG__MAX; i++) {
		fm[i] = d->meta.l[i].title;
		d->meta.l[i].title = NULL;
	}
	for (i = 0; i < n; i++) {
		const char *s = l[i]->text;
		if (l[i]->blank)
			continue;
		lang = l[i]->lang;
		if (lang < 0)
			lang = (unsigned char)s[0] < 0x80 ? DC_LANG_EN :
			    DC_LANG_ZH;
		/* A unit's label over the title heading: the kicker. */
		kick = first && unit_kicker(l, n, i);
		/* A line in both languages: a line of each. */
		if (header_both(s, &ba, &la, &bb, &lb)) {
			header_part(d, seen, inocc, l[i], ba, la, kick,
			    i + 1 < n);
			header_part(d, seen, inocc, l[i], bb, lb, kick,
			    i + 1 < n);
			g_free(ba);
			g_free(bb);
			first = 0;
			continue;
		}
		if (kick) {
			header_part(d, seen, inocc, l[i], s, lang, 1, 1);
			first = 0;
			continue;
		}

		/* "2013-04-28_在…的讲话": a file's name, the date and
		 * the title; a label of the date where title lines
		 * follow it. */
		if (first && header_file_title(d, lang, l, i, n, &fdate)) {
			flang = lang;
			first = 0;
			continue;
		}
		/* "8. 习近平在…的讲话": number in a collection. */
		if (first && g_regex_match(R(RX_HEADER_LINES_COLL),
		    s, 0, &mi)) {
			t = g_match_info_fetch(mi, 1);
			dc_meta_set(&d->meta.collection, t);
			g_free(t);
			g_match_info_free(mi);
			mi = NULL;
			header_add(d, DC_COLLECTION, lang, s, l[i]);
			coll = s;
			clang = lang;
			first = 0;
			continue;
		}
		g_match_info_free(mi);
		mi = NULL;
		first = 0;

		/* "国办发〔2020〕12号" above or under the title: the
		 * document's number in its issuer's series, not a title
		 * line (a line of the header the title page keeps).
		 * Under the title it ends the title: no line after it
		 * continues the title. */
		if (lang == DC_LANG_ZH && header_docno(s)) {
			if (header_masthead(d, lang))
				seen[lang] = 0;
			header_add(d, DC_COLLECTION, lang, s, l[i]);
			if (d->meta.l[lang].title != NULL)
				seen[lang] = 1;
			continue;
		}
		if (lang == DC_LANG_ZH && header_credit(d, lang, l[i]))
			continue;
		/* "首页 > 新闻中心 > 本地新闻" over the title: the page's
		 * path, its section above the title as a kicker is. */
		if (g_regex_match(R(RX_BREADCRUMB), s, 0, NULL)) {
			header_add(d, DC_KICKER, lang, s, l[i]);
			continue;
		}
		/* A page's font-size widget, its buttons a line each
		 * ("【字体：" "大" "中" "小" "】"): the page's, as its path
		 * is, no title line. */
		if (widget || g_regex_match(R(RX_WIDGET_OPEN), s, 0, NULL)) {
			if (!widget)
				wl = l[i];
			widget = !widget || (nchars(s) <= 2 && strcmp(s,
			    "】") != 0 && strcmp(s, "]") != 0);
			/* One line, as the page shows it: a button alone
			 * on a line of the title page is no line. */
			if (wg->len > 0 && widget &&
			    !g_str_has_suffix(wg->str, "：") &&
			    !g_str_has_suffix(wg->str, ":"))
				g_string_append_c(wg, ' ');
			g_string_append(wg, s);
			if (!widget || i + 1 == n) {
				header_add(d, DC_KICKER, lang, wg->str, wl);
				g_string_truncate(wg, 0);
				widget = 0;
			}
			continue;
		}
		if ((d->meta.l[lang].title != NULL && (header_fields(d, lang,
		    l[i]) || header_original(d, lang, l[i]))) ||
		    header_source(d, lang, l[i]) ||
		    header_origtitle(d, lang, l[i]))
			continue;
		if (lang == DC_LANG_ZH)
			header_zh(d, &seen[lang], l[i], i + 1 < n);
		else
			header_en(d, &seen[lang], &inocc[lang], l[i]);
	}
	/* "50. 标题" and no title line under it (a record's numbered
	 * heading): the title is the line's after its number. */
	for (i = 0; coll != NULL && i < DC_LANG__MAX &&
	    d->meta.l[i].title == NULL; i++)
		;
	if (coll != NULL && i == DC_LANG__MAX && fm[clang] == NULL) {
		coll += strspn(coll, "0123456789");
		coll += g_str_has_prefix(coll, "．") || g_str_has_prefix(coll,
		    "、") ? 3 : 1;
		while (*coll == ' ' || *coll == '\t')
			coll++;
		dc_meta_set(&d->meta.l[clang].title, coll);
	}
	/* No title but the one the text had where it first stood: that
	 * one names it here too. */
	if (!header_titled(d, fm) && d->meta.orig_title != NULL)
		dc_meta_set(&d->meta.l[dc_text_lang(d->meta.orig_title,
		    strlen(d->meta.orig_title)) == DC_LANG_EN ? DC_LANG_EN :
		    DC_LANG_ZH].title, d->meta.orig_title);
	for (i = 0; i < DC_LANG__MAX; i++) {
		if (d->meta.l[i].title == NULL)
			d->meta.l[i].title = fm[i];
		else
			g_free(fm[i]);
	}
	if (fdate != NULL && d->meta.date_iso == NULL)
		header_date_only(d, flang, fdate);
	g_free(fdate);
	g_string_free(wg, TRUE);
}


/*
 * ---- Body roles ----
 *
 * A careful reader tells a block's role by its form and its place:
 *
 * - An address before the first paragraph is the opening salutation,
 *   one after it a vocative that opens a new part.
 * - A heading is short, ends in no sentence or clause mark, and stands
 *   between paragraphs; consecutive heading lines are one heading.  A
 *   numbered one ("一、", "（一）", "1.") says its level by its number.
 * - A speaker turn opens with the speaker and a colon: "记者：", "问：",
 *   "答：", "Q:", or a name where the text is an interview.
 * - A caption says it is one ("图为…", "图片：") or credits a photo
 *   ("（新华社记者 某某 摄）").
 * - What ends the text after its last paragraph: thanks (the closing),
 *   a byline in brackets, a dateline "（新华社上海6月8日电）", a letter's
 *   signature and date, "——编者" under an editor's note.
 * - An editor's note opens "编者按".
 */


/* Does s begin with one of the characters of set? */
static int
role_starts(const char *s, const char *set)
{
	const char	*p;
	gunichar	 c;

	if (*s == '\0')
		return 0;
	c = g_utf8_get_char(s);
	for (p = set; *p != '\0'; p = g_utf8_next_char(p))
		if (g_utf8_get_char(p) == c)
			return 1;
	return 0;
}

/* Is s made of Han characters (HAN), middle dots and round brackets
 * only? */
static int
role_han_only(const char *s)
{
	const char	*p;
	gunichar	 c;

	for (p = s; *p != '\0'; ) {
		c = dc_u8_next(&p);
		if (!((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 &&
		    c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) ||
		    c == 0xB7 || c == 0xFF08 || c == 0xFF09 || c == '(' ||
		    c == ')'))
			return 0;
	}
	return 1;
}

/* Han characters with one colon or space between them ("总经理：某某"):
 * a signer's office and name may be. */
static int
signed_office_may(const char *s)
{
	const char	*p;
	gunichar	 c;
	int		 sep = 0;

	for (p = s; *p != '\0'; ) {
		c = dc_u8_next(&p);
		if (c == 0xFF1A || c == ':' || c == ' ' || c == 0x3000) {
			if (sep++ > 0 && c != ' ' && c != 0x3000)
				return 0;
		} else if (!((c >= 0x3400 && c <= 0x9FFF) || c == 0xB7))
			return 0;
	}
	return sep > 0;
}

/* Could pattern id match s at all?  A cheap look that spares most
 * paragraphs the regular expressions. */
static int
role_may(enum rx_id id, const char *s)
{
	switch (id) {
	case RX_R_CREDIT_END:
		if (strstr(s, "图") != NULL || strstr(s, "圖") != NULL)
			return 1;
		if (strstr(s, " for ") != NULL || strstr(s, " via ") !=
		    NULL || strchr(s, '/') != NULL)
			return 1;
		/* FALLTHROUGH */
	case RX_R_CREDIT:
		return strstr(s, "摄") != NULL || strstr(s, "截") != NULL || strstr(s, "攝") != NULL ||
		    strstr(s, "供图") != NULL || strstr(s, "供圖") != NULL;
	case RX_R_NOTE:
		return g_str_has_prefix(s, "编") || g_str_has_prefix(s, "編") ||
		    g_str_has_prefix(s, "【") || s[0] == '[' || s[0] == 'E';
	case RX_R_HEADNOTE:
		return g_str_has_prefix(s, "这") || g_str_has_prefix(s, "這") ||
		    g_str_has_prefix(s, "本文") || g_str_has_prefix(s, "此文");
	case RX_R_DATELINE:
	case RX_R_DATELINE_END:
		return strstr(s, "日") != NULL;
	case RX_R_BYLINE_END:
		return strstr(s, "记者") != NULL || strstr(s, "記者") != NULL ||
		    strstr(s, "通讯员") != NULL || strstr(s, "通訊員") != NULL ||
		    strstr(s, "实习生") != NULL;
	case RX_R_EDITOR:
	case RX_R_EDITOR_END:
		return strstr(s, "编") != NULL || strstr(s, "編") != NULL;
	/*
	 * These four ran on every paragraph, and the matcher reads the
	 * whole of a long one (its UTF-8 checked) before it fails at
	 * the start.
	 */
	case RX_R_CAPTION:
		return role_starts(s, "图圖照上下左右题资PCI");
	case RX_TRAIL_URL:
		return strchr("hHfFwW", *s) != NULL && *s != '\0';
	case RX_STAFF:
		return strchr(s, ':') != NULL || strchr(s, '|') != NULL ||
		    strstr(s, "：") != NULL || strstr(s, "｜") != NULL;
	case RX_TRAIL_LABEL:
		return strchr(s, ':') != NULL || strstr(s, "：") != NULL ||
		    role_starts(s, "原本作译譯");
	/* Sixteen characters and a three-character office at most,
	 * all Han but a dot and brackets. */
	case RX_R_SIGNED:
		return strlen(s) <= 80 && (role_han_only(s) ||
		    signed_office_may(s));
	/* These three are tried on every short line: the bracket or
	 * the word each needs. */
	case RX_R_BYLINE:
		return s[0] == '(' || g_str_has_prefix(s, "（");
	case RX_R_BYLINE2:
		return strstr(s, "记者") != NULL || strstr(s, "記者") != NULL ||
		    strstr(s, "通讯员") != NULL;
	case RX_R_EN_BYLINE:
		return s[0] == '(';
	default:
		return 1;
	}
}

static int
role_match(enum rx_id id, const char *s)
{
	return role_may(id, s) && g_regex_match(R(id), s, 0, NULL);
}

/* The text by which a block's role is judged, and its language. */
static const char *
block_text(const struct dc_node *b, int *lang)
{
	struct dc_node	*s;

	if ((s = dc_node_seg(b, DC_LANG_ZH)) != NULL) {
		*lang = DC_LANG_ZH;
		return s->text;
	}
	s = b->child;
	*lang = s->lang;
	return s->text;
}

/* Is c a mark that ends a sentence or a clause? */
static int
role_punct_end(gunichar c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0C ||
	    c == 0xFF1B || c == 0xFF1A || c == 0x3001 || c == 0x2026 ||
	    c == '.' || c == '!' || c == '?' || c == ',' || c == ';' ||
	    c == ':' || c == 0xFF0E;
}

/* Is s wholly in one pair of round brackets ("（某某父母）")? */
static int
bracketed(const char *s)
{
	const char	*p;
	int		 depth = 0;
	gunichar	 c;

	if (*s != '(' && !g_str_has_prefix(s, "（"))
		return 0;
	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == '(' || c == 0xFF08)
			depth++;
		else if (c == ')' || c == 0xFF09) {
			if (--depth == 0)
				return p[c == ')' ? 1 : 3] == '\0';
		}
	}
	return 0;
}

/*
 * Could this text be a heading by its form: short, no sentence inside,
 * no mark ending it (closing quotes and brackets aside)?  Returns 2 if
 * it is numbered as headings are, 1 if only its form says so, else 0.
 */
static int
heading_form(const char *s, int lang)
{
	const char	*e = s + strlen(s), *p;
	long		 n = dc_u8_count(s, 40);	/* tested up to 40 */
	gunichar	 c = 0;
	int		 num;

	if (*s == '\0')
		return 0;
	/* The last character before closing quotes and brackets. */
	for (p = e; p > s; ) {
		p = g_utf8_prev_char(p);
		c = g_utf8_get_char(p);
		if (clause_depth(c) >= 0 && c != '"' && c != ')' &&
		    c != 0x2019)
			break;
	}
	/* A dash at the end announces what follows, as a colon does. */
	if (role_punct_end(c) || c == 0x2014 || c == 0x2015)
		return 0;
	if (dc_is_address(s, lang) || dc_is_thanks(s, lang))
		return 0;
	/* A line wholly in brackets is an aside or a caption. */
	if (bracketed(s))
		return 0;
	/* Cells separated by tabs: a table's row, however short. */
	for (p = s; (p = strchr(p, '\t')) != NULL; p++)
		if (p > s && p[1] != '\0' && p[1] != '\t')
			return 0;
	num = role_match(RX_R_NUM, s);
	if (lang == DC_LANG_ZH) {
		if (n > (num ? 40 : 30) || strstr(s, "。") != NULL ||
		    strstr(s, "！") != NULL || strstr(s, "？") != NULL ||
		    strstr(s, "；") != NULL)
			return 0;
		if (n > 24 && strstr(s, "，") != NULL && !num)
			return 0;
	} else {
		char **w = g_strsplit(s, " ", -1);
		guint nw = g_strv_length(w);
		g_strfreev(w);
		if (nw > 14 || strstr(s, ". ") != NULL || (nw > 3 &&
		    !title_case(s) && !num))
			return 0;
	}
	return num ? 2 : 1;
}

/*
 * heading_form() of block b's text, where its translation agrees: a
 * pair whose other language ends a sentence or a clause ("I have a
 * friend in Washington." under "我有一个朋友在 Washington", its
 * Chinese punctuated loosely or not at all) is a sentence and its
 * translation, however short the text judged.
 */
static int
block_heading_form(const struct dc_node *b, const char *t, int lang)
{
	const struct dc_node	*s;
	const char		*p;
	gunichar		 c;
	int			 k = heading_form(t, lang);

	/* A heading says something: a line of marks alone ("*", "——",
	 * what is left of a list's bullet) heads nothing. */
	for (p = t; k > 0 && *p != '\0'; p = g_utf8_next_char(p))
		if (g_unichar_isalnum(g_utf8_get_char(p)))
			break;
	if (*p == '\0')
		k = 0;
	for (s = b->child; k > 0 && s != NULL; s = s->next) {
		if (s->type != DC_SEG || (int)s->lang == lang ||
		    s->text == NULL || *s->text == '\0')
			continue;
		for (p = s->text + strlen(s->text); p > s->text; ) {
			p = g_utf8_prev_char(p);
			c = g_utf8_get_char(p);
			if (clause_depth(c) >= 0 && c != '"' && c != ')' &&
			    c != 0x2019)
				break;
		}
		/* A question or an exclamation may head a section ("Why is
		 * it growing?"); a full stop, a comma or a semicolon ends a
		 * sentence's or a clause's text. */
		c = g_utf8_get_char(p);
		if (role_punct_end(c) && c != '?' && c != '!' &&
		    c != 0xFF1F && c != 0xFF01)
			k = 0;
	}
	return k;
}

/* Is t a table's row: three cells or more that tabs separate, none
 * of them a paragraph's text (a numbered paragraph, "1<TAB>…", is no
 * row)? */
static int
table_row(const char *t)
{
	char	**c = g_strsplit(t, "\t", -1);
	int	  i, n = 0, r = 1;

	for (i = 0; c[i] != NULL; i++) {
		if (*g_strstrip(c[i]) == '\0')
			continue;
		n++;
		r &= dc_u8_count(c[i], 41) <= 40;
	}
	g_strfreev(c);
	return r && n >= 3;
}

/* Is b a line of a list in lang: one line (120 characters at most),
 * no mark ending it, not numbered as headings are? */
static int
body_run_item(const struct dc_node *b, int lang)
{
	const char	*t, *p;
	int		 l;

	t = block_text(b, &l);
	if (l != lang || *t == '\0' || dc_u8_count(t, 121) > 120 ||
	    strchr(t, '\n') != NULL || role_match(RX_R_NUM, t))
		return 0;
	p = g_utf8_prev_char(t + strlen(t));
	return !role_punct_end(g_utf8_get_char(p));
}

/* Numbering kind of a heading, for its level: 0 none, 1 "一、",
 * 2 "（一）", 3 "1.", 4 "（1）", 5 "第一部分", "Chapter 1". */
static int
heading_kind(const char *s)
{
	GMatchInfo	*mi = NULL;
	int		 k = 0, i, st, en;

	if (g_regex_match(R(RX_R_NUM), s, 0, &mi))
		for (i = 1; i <= 5; i++)
			if (g_match_info_fetch_pos(mi, i, &st, &en) &&
			    st >= 0 && en > st) {
				k = i;
				break;
			}
	g_match_info_free(mi);
	/* "第一部分" ranks above "一、". */
	return k == 5 ? -1 : k;
}

/* Split the zh-only block b at byte off: the tail becomes a new block
 * of type t after it.  Returns the new block. */
static struct dc_node *
block_split(struct dc_node *b, size_t off, enum dc_type t)
{
	struct dc_node	*s = b->child, *nb, *ns;
	char		*head;

	/* Segmented text keeps its tokens whole: no split. */
	if (s->child != NULL)
		return NULL;

	nb = dc_node_new(t, DC_LANG_ZH, NULL, b->line, b->col);
	ns = dc_node_new(DC_SEG, s->lang, s->text + off, s->line, s->col);
	dc_node_append(nb, ns);
	head = g_strndup(s->text, off);
	g_strchomp(head);
	g_free(s->text);
	s->text = head;
	/* After b. */
	return b->next != NULL ? dc_node_insert_before(b->next, nb) :
	    dc_node_append(b->parent, nb);
}

/* Byte offset of the match of pattern id that ends s, or -1. */
static int
role_tail(enum rx_id id, const char *s)
{
	GMatchInfo	*mi = NULL;
	int		 st = -1, en;

	if (role_may(id, s) && g_regex_match(R(id), s, 0, &mi))
		g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	return st;
}

/* A sign-off's kind by its form, or DC_SUB_NONE; warn: say so of a
 * date that is not a real one. */
static enum dc_sub
signoff_form(const char *t, int lang, int last, int warn)
{
	char	*iso = NULL;
	int	 st, en;

	if (lang != DC_LANG_ZH)
		return role_match(RX_R_EN_BYLINE, t) ? DC_SUB_BYLINE :
		    DC_SUB_NONE;
	if (role_match(RX_R_BYLINE, t) || role_match(RX_R_BYLINE2, t))
		return DC_SUB_BYLINE;
	if (role_match(RX_R_DATELINE, t))
		return DC_SUB_DATELINE;
	if (role_match(RX_R_EDITOR, t))
		return DC_SUB_EDITOR;
	/* A date alone: the date of a letter or a statement. */
	if (find_date_warn(t, &iso, &st, &en, warn) && st <= 3 &&
	    (size_t)en + 3 >= strlen(t)) {
		g_free(iso);
		return DC_SUB_DATELINE;
	}
	g_free(iso);
	if (last && role_match(RX_R_SIGNED, t) && !dc_is_thanks(t, lang))
		return DC_SUB_SIGNED;
	return DC_SUB_NONE;
}

/*
 * Does s hold a fuller date than the text's so far: a year where that
 * has none ("１９９７年１１月１日" under a letter, after the agency's
 * "（新华社北京１１月１日电）" below it gave "--11-01")?
 */
static int
date_fuller(const struct dc_doc *d, const char *s)
{
	char	*iso = NULL, *date = NULL, *place = NULL;
	int	 r;

	if (d->meta.date_iso == NULL || !dc_parse_date(s, &iso, &date,
	    &place))
		return 0;
	r = strlen(iso) > strlen(d->meta.date_iso);
	g_free(iso);
	g_free(date);
	g_free(place);
	return r;
}

/* A sign-off or caption that names the text's author fills the author
 * where nothing else did, with a warning saying where it came from. */
static void
signoff_author(struct dc_doc *d, const struct dc_node *b, const char *t)
{
	GMatchInfo	*mi = NULL;
	char		*in = NULL, *name;

	if (b->sub == DC_SUB_DATELINE && (d->meta.date_iso == NULL ||
	    d->meta.l[DC_LANG_ZH].place == NULL) &&
	    (t[0] == '(' || g_str_has_prefix(t, "（"))) {
		struct dc_dateline dl;
		if (dc_dateline(d, t, &dl)) {
			g_free(dl.dateline);
			g_free(dl.byline);
			return;
		}
	}
	/* A letter's or a speech's date under it is the text's date
	 * where the header gave none. */
	if (b->sub == DC_SUB_DATELINE) {
		if (d->meta.date_iso == NULL || d->meta.date_stamp ||
		    date_fuller(d, t)) {
			if (d->meta.date_stamp)
				dc_meta_set(&d->meta.date_iso, NULL);
			d->meta.date_stamp = 0;
			header_date(d, DC_LANG_ZH, t);
		}
		return;
	}
	if (b->sub == DC_SUB_BYLINE) {
		if (d->meta.reporters != NULL)
			return;
		if (g_regex_match(R(RX_R_BYLINE), t, 0, &mi))
			in = g_match_info_fetch(mi, 1);
		else
			in = g_strdup(t);
		g_match_info_free(mi);
		dc_byline_meta(d, "", "", in);
		g_free(in);
		if (d->meta.reporters != NULL &&
		    d->meta.l[DC_LANG_ZH].speaker == NULL) {
			dc_meta_set(&d->meta.l[DC_LANG_ZH].speaker,
			    d->meta.reporters);
			dc_meta_set(&d->meta.author_from, t);
			dc_msg(DC_WARN_ROLE, b->line, 0, "author taken from "
			    "the closing byline: %s", d->meta.reporters);
		}
		return;
	}
	if (b->sub != DC_SUB_SIGNED || d->meta.l[DC_LANG_ZH].speaker != NULL)
		return;
	/* "作者：某某同志", "某某｜文": the name in the credit. */
	if ((name = writer_name(t)) != NULL) {
		dc_meta_set(&d->meta.l[DC_LANG_ZH].speaker, name);
		dc_meta_set(&d->meta.author_from, t);
		dc_msg(DC_WARN_ROLE, b->line, 0, "author taken from the "
		    "writer's credit: %s", name);
		g_free(name);
		return;
	}
	/* "总经理：某某": the name after the office. */
	if (g_regex_match(R(RX_SIGNER_OFFICE), t, 0, &mi)) {
		char *o = g_match_info_fetch(mi, 1);
		name = g_match_info_fetch(mi, 2);
		g_match_info_free(mi);
		dc_meta_set(&d->meta.l[DC_LANG_ZH].speaker, name);
		if (d->meta.l[DC_LANG_ZH].role == NULL)
			dc_meta_set(&d->meta.l[DC_LANG_ZH].role, o);
		dc_meta_set(&d->meta.author_from, t);
		dc_msg(DC_WARN_ROLE, b->line, 0, "author taken from the "
		    "signature: %s", name);
		g_free(o);
		g_free(name);
		return;
	}
	g_match_info_free(mi);
	mi = NULL;
	name = g_strdup(t);
	if (g_str_has_prefix(name, "（") || name[0] == '(') {
		char *u = g_strdup(name + (name[0] == '(' ? 1 : 3));
		g_free(name);
		name = u;
		if (g_str_has_suffix(name, "）"))
			name[strlen(name) - 3] = '\0';
		else if (g_str_has_suffix(name, ")"))
			name[strlen(name) - 1] = '\0';
	}
	if (*name != '\0') {
		dc_meta_set(&d->meta.l[DC_LANG_ZH].speaker, name);
		dc_meta_set(&d->meta.author_from, t);
		dc_msg(DC_WARN_ROLE, b->line, 0, "author taken from the "
		    "signature: %s", name);
	}
	g_free(name);
}

/* The speaker label of a seg: its length in bytes, or 0.  *strong is
 * set if the label is one that makes a turn wherever it stands.  A
 * label that opens three paragraphs or more (rep counts them) is a
 * speaker's whatever its length: an interviewer named by the paper. */
static size_t
turn_label(const struct dc_node *s, int *strong, GHashTable *rep)
{
	GMatchInfo	*mi = NULL;
	char		*w;
	int		 st, en, ok = 0;

	*strong = 0;
	if (!web_colon_early(s->text) || !g_regex_match(R(s->lang ==
	    DC_LANG_ZH ? RX_R_TURN_ZH : RX_R_TURN_EN), s->text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	w = g_match_info_fetch(mi, 1);
	g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	*strong = role_match(RX_R_TURN_STRONG, w);
	if (*strong)
		ok = 1;
	else if (s->text[0] == '[' || g_str_has_prefix(s->text, "【") ||
	    g_str_has_prefix(s->text, "［"))
		/* A label in brackets is one by its brackets (a note's
		 * number is no name: none starts with a digit). */
		ok = !role_match(RX_R_SAYS, w);
	else if (s->lang == DC_LANG_ZH)
		/* A name: two to four characters (more with the dot of
		 * a transliteration), not a verb of saying. */
		ok = (((g_utf8_strlen(w, -1) >= 2 &&
		    g_utf8_strlen(w, -1) <= 4) || strstr(w, "·") != NULL) ||
		    (rep != NULL && GPOINTER_TO_INT(g_hash_table_lookup(rep,
		    w)) >= 3)) && !role_match(RX_R_SAYS, w);
	else
		ok = 1;
	g_free(w);
	return ok ? (size_t)en : 0;
}

/*
 * A speaker label in brackets ("[Speaker 1]: ", "【主持人】："), as
 * transcription tools write them: the brackets mark the label, they
 * are no part of the name, and go (the label of n bytes opens s),
 * unless s is tokenised (a segmented corpus's brackets are tokens).
 * Returns the label's length left.
 */
static size_t
turn_unbracket(struct dc_node *s, size_t n)
{
	gunichar	 c = g_utf8_get_char(s->text), e;
	const char	*p, *close = NULL;
	size_t		 ol, cl;

	if (s->child != NULL)	/* tokens: they must still join to it */
		return n;
	if (c == '[')
		e = ']';
	else if (c == 0x3010)
		e = 0x3011;
	else if (c == 0xFF3B)
		e = 0xFF3D;
	else
		return n;
	for (p = g_utf8_next_char(s->text); p < s->text + n;
	    p = g_utf8_next_char(p))
		if (g_utf8_get_char(p) == e) {
			close = p;
			break;
		}
	if (close == NULL || close == g_utf8_next_char(s->text))
		return n;
	ol = (size_t)(g_utf8_next_char(s->text) - s->text);
	cl = (size_t)(g_utf8_next_char(close) - close);
	memmove((char *)close, close + cl, strlen(close + cl) + 1);
	memmove(s->text, s->text + ol, strlen(s->text + ol) + 1);
	return n - ol - cl;
}

/*
 * Is t a note at the end of a text, opening with its number in
 * brackets other than round ones ("〔1〕", "[2]", "［3］") or a circled
 * number ("①"); or the heading of the notes, a short line whose
 * letters say notes or references ("注　　释", "参考文献", "Notes")?
 * Round brackets number the body's own points, not notes.
 */
static int
notes_form(const char *t)
{
	static const char *const heads[] = { "注", "注释", "註釋", "注解",
	    "附注", "参考文献", "參考文獻", "参考资料", "相关阅读",
	    "相關閱讀", "延伸阅读", "相关链接", "相關連結", "Notes",
	    "NOTES", "Footnotes", "References", "REFERENCES",
	    "Related", NULL };
	gunichar	 c = g_utf8_get_char(t);
	GString		*b;
	const char	*p;
	size_t		 i;
	int		 ok = 0;

	if ((c == 0x3014 || c == '[' || c == 0xFF3B || c == 0x3010) &&
	    g_unichar_isdigit(g_utf8_get_char(g_utf8_next_char(t))))
		return 1;
	if (c >= 0x2460 && c <= 0x2473)		/* ① to ⑳ */
		return 1;
	if (dc_u8_count(t, 16) > 16)
		return 0;
	b = g_string_new(NULL);
	for (p = t; *p != '\0'; p = g_utf8_next_char(p))
		if (!g_unichar_isspace(g_utf8_get_char(p)) &&
		    g_utf8_get_char(p) != ':' && g_utf8_get_char(p) != 0xFF1A)
			g_string_append_unichar(b, g_utf8_get_char(p));
	for (i = 0; heads[i] != NULL; i++)
		if (strcmp(b->str, heads[i]) == 0)
			ok = 1;
	g_string_free(b, TRUE);
	return ok;
}

/*
 * A note in brackets on the document itself, as official texts end
 * ("（此件公开发布）", "（本页无正文）", "（此文不公开）"): it opens
 * with a word that points at this text ("此", "本", "该") and a noun
 * for a document or a page.  Not a signature: no name says "this".
 */
static int
self_note(const char *u)
{
	static const char *const this[] = { "此", "本", "该", "該", NULL };
	static const char *const what[] = { "件", "文", "页", "頁", "稿",
	    "通知", "公告", "通告", "决定", "決定", "意见", "意見", "办法",
	    "辦法", "规定", "規定", "函", NULL };
	size_t		 i, j;

	for (i = 0; this[i] != NULL; i++) {
		if (!g_str_has_prefix(u, this[i]))
			continue;
		for (j = 0; what[j] != NULL; j++)
			if (g_str_has_prefix(u + strlen(this[i]), what[j]))
				return dc_u8_count(u, 30) <= 30;
	}
	return 0;
}

/*
 * Does t trail a text, after what closes it: a label line naming the
 * source, the original title, the editor or a link ("（原标题：…）",
 * "责任编辑：某某"), an end mark ("（完）", "(END)", "—完—", "（待
 * 续）"), an address alone, a copyright line?  In brackets or not.
 */
static int
trailer_form(const char *t)
{
	static const char *const open[] = { "（", "(", "【", "[", "〔",
	    "——", "—", "－", "-", NULL };
	/* End marks, and the notes that stand for one: the text goes
	 * on elsewhere ("（待续）", "（全文另发）"). */
	static const char *const ends[] = { "完", "END", "End", "end",
	    "全文完", "本文完", "待续", "未完待续", "未完", "续完",
	    "全文另发", "全文另发表", "To be continued", NULL };
	const char	*p = t;
	char		*u;
	size_t		 i, n;
	int		 ok;

	if (g_str_has_prefix(t, "©") || g_str_has_prefix(t, "版权所有") ||
	    g_str_has_prefix(t, "Copyright") || role_match(RX_TRAIL_URL, t))
		return 1;
	for (i = 0; open[i] != NULL; i++)
		if (g_str_has_prefix(p, open[i])) {
			p += strlen(open[i]);
			break;
		}
	u = g_strdup(p);
	/* Closing brackets and dashes off its end. */
	for (n = strlen(u); n > 0; n = strlen(u)) {
		gunichar c = g_utf8_get_char(g_utf8_prev_char(u + n));
		if (c != 0xFF09 && c != ')' && c != 0x3011 && c != ']' &&
		    c != 0x3015 && c != 0x2014 && c != 0xFF0D && c != '-' &&
		    c != ' ')
			break;
		*g_utf8_prev_char(u + n) = '\0';
	}
	ok = notes_form(t) || (p != t && self_note(u));
	for (i = 0; ends[i] != NULL; i++)
		if (strcmp(u, ends[i]) == 0)
			ok = 1;
	if (!ok && dc_u8_count(u, 160) <= 160)
		ok = role_match(RX_TRAIL_LABEL, u) || role_match(RX_STAFF, t) ||
		    dc_source_line(t, NULL, NULL);
	g_free(u);
	return ok;
}

/*
 * An official text's addressees: bodies named by what they are, a
 * colon after the last ("各乡镇农业站：", "市政府各部门、各直属单位：").
 * Only a salutation above the body (the roles decoder's grammar): in
 * the body a line of that form is a field's label ("主办单位：").
 */
static int
addressee_form(const char *t)
{
	return dc_u8_count(t, 60) <= 60 && (g_str_has_suffix(t, "：") ||
	    g_str_has_suffix(t, ":")) &&
	    g_regex_match(R(RX_IS_ADDRESS_ORG), t, 0, NULL);
}

/*
 * Which of the shared recognisers match the text t of a block in
 * language lang: a set of DC_REC_* bits (parse.h), for the decoder
 * of roles (roles.c), which weighs them with position and form.
 */
unsigned
dc_recognise(const char *t, int lang)
{
	unsigned	 r = 0;
	long		 n = dc_u8_count(t, 120);	/* tested up to 120 */
	char		*w;
	int		 st;

	if (dc_is_thanks(t, lang))
		r |= DC_REC_THANKS;
	if (dc_is_address(t, lang))
		r |= DC_REC_ADDRESS;
	else if (lang == DC_LANG_ZH && addressee_form(t))
		r |= DC_REC_ADDRESSEE;
	switch (n > 60 ? DC_SUB_NONE : signoff_form(t, lang, 1, 0)) {
	case DC_SUB_BYLINE:
		r |= DC_REC_BYLINE;
		break;
	case DC_SUB_DATELINE:
		r |= role_match(RX_R_DATELINE, t) ? DC_REC_DATELINE :
		    DC_REC_DATE;
		break;
	case DC_SUB_EDITOR:
		r |= DC_REC_EDITOR;
		break;
	case DC_SUB_SIGNED:
		r |= DC_REC_SIGNED;
		break;
	default:
		break;
	}
	if (lang == DC_LANG_ZH && n <= 30 && role_match(RX_R_CREDIT, t))
		r |= DC_REC_CREDIT;
	if (role_match(RX_R_CAPTION, t))
		r |= DC_REC_CAPTION;
	/* A caption of eighty characters at most, its credit aside
	 * where that is a Latin one (a name and a paper: long). */
	if ((st = role_tail(RX_R_CREDIT_END, t)) > 0 && (n <= 80 ||
	    (t[st] != '(' && strncmp(t + st, "（", 3) != 0 &&
	    g_utf8_strlen(t, st) <= 80)))
		r |= DC_REC_CREDIT_END;
	/* A closing dateline or byline glued to the last paragraph: a
	 * sign-off to split off. */
	if (lang == DC_LANG_ZH && (role_tail(RX_R_DATELINE_END, t) > 0 ||
	    role_tail(RX_R_BYLINE_END, t) > 0))
		r |= DC_REC_DATELINE_END;
	if (lang == DC_LANG_ZH && role_tail(RX_R_EDITOR_END, t) > 0)
		r |= DC_REC_EDITOR_END;
	if (role_match(RX_R_NOTE, t))
		r |= DC_REC_NOTE;
	if (n <= 120 && role_match(RX_R_HEADNOTE, t))
		r |= DC_REC_HEADNOTE;
	switch (heading_form(t, lang)) {
	case 2:
		r |= DC_REC_HEADNUM;
		/* FALLTHROUGH */
	case 1:
		r |= DC_REC_HEAD;
		break;
	default:
		break;
	}
	if (web_colon_early(t) && role_match(lang == DC_LANG_ZH ?
	    RX_R_TURN_ZH : RX_R_TURN_EN, t))
		r |= DC_REC_TURN;
	if ((w = writer_name(t)) != NULL)
		r |= DC_REC_WRITER;
	else if (trailer_form(t))
		r |= DC_REC_TRAILER;
	g_free(w);
	return r;
}

/* How many paragraphs from first up to tail each Chinese label and
 * colon opens: a table of counts (g_hash_table_unref() it). */
static GHashTable *
turn_labels(const struct dc_node *first, const struct dc_node *tail)
{
	GHashTable		*h;
	GMatchInfo		*mi = NULL;
	const struct dc_node	*b, *s;
	char			*w;

	h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (b = first; b != NULL && b != tail; b = b->next)
		for (s = b->child; s != NULL; s = s->next) {
			if (s->type == DC_SEG && s->lang == DC_LANG_ZH &&
			    web_colon_early(s->text) && g_regex_match(
			    R(RX_R_TURN_ZH), s->text, 0, &mi)) {
				w = g_match_info_fetch(mi, 1);
				g_hash_table_insert(h, w, GINT_TO_POINTER(
				    GPOINTER_TO_INT(g_hash_table_lookup(h,
				    w)) + 1));
			}
			g_match_info_free(mi);
			mi = NULL;
		}
	return h;
}

/*
 * Is s's label, in a conversation whose speakers come back (two labels
 * or more open several paragraphs each), one that opens a single
 * long paragraph before anyone has spoken ("采访缘起：…" over an
 * interview, "背景：…")?  A label of what comes before the talk, not a
 * speaker.
 */
static int
turn_preamble(const struct dc_node *s, GHashTable *rep, int spoken)
{
	GHashTableIter	 it;
	GMatchInfo	*mi = NULL;
	gpointer	 k, v;
	char		*w;
	int		 recur = 0, once = 0;

	/* A preamble tells a scene, at length; a first question is
	 * short ("贝问：…？"). */
	if (spoken || s->lang != DC_LANG_ZH || dc_u8_count(s->text, 60) <
	    60 || !g_regex_match(R(RX_R_TURN_ZH), s->text, 0, &mi)) {
		g_match_info_free(mi);
		return 0;
	}
	w = g_match_info_fetch(mi, 1);
	g_match_info_free(mi);
	/* "记者问：", "毛答：": one who asks or answers speaks. */
	once = GPOINTER_TO_INT(g_hash_table_lookup(rep, w)) == 1 &&
	    !g_str_has_suffix(w, "问") && !g_str_has_suffix(w, "問") &&
	    !g_str_has_suffix(w, "答");
	g_free(w);
	g_hash_table_iter_init(&it, rep);
	while (once && g_hash_table_iter_next(&it, &k, &v))
		if (GPOINTER_TO_INT(v) >= 2)
			recur++;
	return once && recur >= 2;
}

/* The only seg of block b, untokenised, if Chinese; else NULL. */
static struct dc_node *
lone_seg(struct dc_node *b)
{
	struct dc_node	*s = b->child;

	if (b->type != DC_PARA || s == NULL || s != b->last ||
	    s->type != DC_SEG || s->lang != DC_LANG_ZH || s->child != NULL ||
	    s->text == NULL)
		return NULL;
	return s;
}

/*
 * Scripts and subtitles put the speaker's name alone on a line, a
 * colon after it ("杰西：", "塞琳纳（转向杰西）："), the speech in the
 * paragraph below.  Where three paragraphs or more are such labels,
 * each opens the paragraph after it: speaker and speech are one turn.
 */
static void
body_lone_labels(struct dc_node *first, struct dc_node *tail)
{
	struct dc_node	*b, *n, *s, *ns;
	char		*t;
	int		 k = 0;

	for (b = first; b != NULL && b != tail; b = b->next)
		if ((s = lone_seg(b)) != NULL &&
		    role_match(RX_R_TURN_ALONE, s->text))
			k++;
	if (k < 3)
		return;
	for (b = first; b != NULL && b != tail; b = b->next) {
		if ((s = lone_seg(b)) == NULL ||
		    !role_match(RX_R_TURN_ALONE, s->text) ||
		    (n = b->next) == NULL || n == tail ||
		    (ns = lone_seg(n)) == NULL ||
		    role_match(RX_R_TURN_ALONE, ns->text))
			continue;
		t = g_strconcat(s->text, ns->text, NULL);
		g_free(s->text);
		s->text = t;
		dc_node_unlink(n);
		dc_node_free(n);
	}
}

/* Move every child (tokenised sentence) of seg src to the end of dst. */
static void
seg_take(struct dc_node *dst, struct dc_node *src)
{
	struct dc_node	*c;

	while ((c = src->child) != NULL) {
		dc_node_unlink(c);
		dc_node_append(dst, c);
	}
}

/* Join the heading block n into the heading block h (one heading of
 * several lines), a line break between them in each language. */
static void
heading_join(struct dc_node *h, struct dc_node *n)
{
	struct dc_node	*s, *hs;
	char		*t;

	for (s = n->child; s != NULL; s = s->next) {
		if ((hs = dc_node_seg(h, s->lang)) == NULL) {
			hs = dc_seg_add(h, s->lang, s->text, s->line, s->col);
			seg_take(hs, s);
			continue;
		}
		if (s->child != NULL || hs->child != NULL) {
			/* Segmented text: the tokens say the text. */
			seg_take(hs, s);
			t = dc_tokens_join(hs);
			g_free(hs->text);
			hs->text = t;
			continue;
		}
		t = g_strconcat(hs->text, s->lang == DC_LANG_ZH ? "　" : " ",
		    s->text, NULL);
		g_free(hs->text);
		hs->text = t;
	}
	dc_node_unlink(n);
	dc_node_free(n);
}

/* The sign-off's kind of a role of the tail. */
static enum dc_sub
tail_sub(enum dc_role r)
{
	switch (r) {
	case DC_ROLE_BYLINE:
		return DC_SUB_BYLINE;
	case DC_ROLE_DATELINE:
		return DC_SUB_DATELINE;
	case DC_ROLE_EDITOR:
		return DC_SUB_EDITOR;
	case DC_ROLE_SIGNED:
	case DC_ROLE_WRITER:
		return DC_SUB_SIGNED;
	case DC_ROLE_CREDIT:
		return DC_SUB_CREDIT;
	case DC_ROLE_CAPTION:
		return DC_SUB_CAPTION;
	case DC_ROLE_BODY:
	case DC_ROLE_SPLIT:
	case DC_ROLE_CLOSING:
	case DC_ROLE_TRAILER:
	case DC_ROLE_LEAD:
	case DC_ROLE_SALUTATION:
	case DC_ROLE_VOCATIVE:
	case DC_ROLE_NOTE:
	case DC_ROLE_BCAPTION:
	case DC_ROLE__MAX:
		break;
	}
	return DC_SUB_NONE;
}

/* Split off the sign-off that ends the last paragraph b: a closing
 * dateline, "——编者", or a byline in brackets.  Returns the new
 * block, or NULL. */
static struct dc_node *
tail_split(struct dc_node *b)
{
	struct dc_node	*nb;
	const char	*t = b->child->text;
	int		 off;

	if ((off = role_tail(RX_R_DATELINE_END, t)) > 0 &&
	    (nb = block_split(b, (size_t)off, DC_SIGNOFF)) != NULL) {
		nb->sub = DC_SUB_DATELINE;
		return nb;
	}
	if ((off = role_tail(RX_R_EDITOR_END, t)) > 0 &&
	    (nb = block_split(b, (size_t)off, DC_SIGNOFF)) != NULL) {
		nb->sub = DC_SUB_EDITOR;
		return nb;
	}
	if ((off = role_tail(RX_R_BYLINE_END, t)) > 0 &&
	    (nb = block_split(b, (size_t)off, DC_SIGNOFF)) != NULL) {
		nb->sub = DC_SUB_BYLINE;
		return nb;
	}
	return NULL;
}

/* A caption's kind by its form: one that says it is a caption, or a
 * photo credit alone. */
static enum dc_sub
caption_sub(const char *t, int lang)
{
	if (role_match(RX_R_CAPTION, t))
		return DC_SUB_CAPTION;
	if (lang == DC_LANG_ZH && role_match(RX_R_CREDIT, t) &&
	    g_utf8_strlen(t, -1) <= 30)
		return DC_SUB_CREDIT;
	return DC_SUB_CAPTION;
}

/* A note on the text above it, "这是某某在…上的讲话。", names who gave
 * it: the speaker, where nothing else did. */
static void
headnote_speaker(struct dc_doc *d, const char *t, int line)
{
	GMatchInfo	*mi = NULL;
	char		*w, *name;

	if (d->meta.l[DC_LANG_ZH].speaker == NULL &&
	    role_match(RX_R_HEADNOTE, t) &&
	    g_regex_match(R(RX_R_HEADNOTE), t, 0, &mi) &&
	    (w = g_match_info_fetch(mi, 1)) != NULL) {
		if (*w != '\0' && (name = person_name(w)) != NULL) {
			dc_meta_set(&d->meta.l[DC_LANG_ZH].speaker, name);
			dc_meta_set(&d->meta.author_from, t);
			dc_msg(DC_WARN_ROLE, line, 0, "speaker taken from the "
			    "note on the text: %s", name);
			g_free(name);
		}
		g_free(w);
	}
	g_match_info_free(mi);
}

/*
 * A trailer that gives the original title with the original's header
 * lines after it, apart by spaces: "（原标题：在…的讲话 （2013年4月28日）
 * 某某）".  The last of them, a person's name, is the speaker where
 * nothing else named one.
 */
static void
origtitle_speaker(struct dc_doc *d, const struct dc_node *b, const char *t)
{
	const char	*p, *sp = NULL;
	char		*w, *name;
	size_t		 n;

	if (d->meta.l[DC_LANG_ZH].speaker != NULL ||
	    (strstr(t, "原标题") == NULL && strstr(t, "原標題") == NULL))
		return;
	for (p = t; *p != '\0'; p = g_utf8_next_char(p))
		if (*p == ' ' || g_utf8_get_char(p) == 0x3000)
			sp = p;
	if (sp == NULL)
		return;
	w = g_strdup(g_utf8_next_char(sp));
	/* Off the closing bracket. */
	n = strlen(w);
	if (n >= 3 && strcmp(w + n - 3, "）") == 0)
		w[n - 3] = '\0';
	else if (n >= 1 && w[n - 1] == ')')
		w[n - 1] = '\0';
	if ((name = person_name(w)) != NULL) {
		dc_meta_set(&d->meta.l[DC_LANG_ZH].speaker, name);
		dc_meta_set(&d->meta.author_from, t);
		dc_msg(DC_WARN_ROLE, b->line, 0, "speaker taken from the "
		    "original title's header lines: %s", name);
		g_free(name);
	}
	g_free(w);
}

/* An editor's note b, and "——编者" that may end it split off as its
 * sign-off. */
static void
body_note(struct dc_doc *d, struct dc_node *b, const char *t, int lang)
{
	struct dc_node	*nb;
	int		 off;

	b->type = DC_NOTE;
	headnote_speaker(d, t, b->line);
	if (lang == DC_LANG_ZH && b->child->next == NULL &&
	    (off = role_tail(RX_R_EDITOR_END, t)) > 0 &&
	    (nb = block_split(b, (size_t)off, DC_SIGNOFF)) != NULL)
		nb->sub = DC_SUB_EDITOR;
}

/* Give block b the role r of the opening or the body (not the tail).
 * Returns 1 if r is one of those. */
static int
body_role(struct dc_doc *d, struct dc_node *b, enum dc_role r)
{
	const char	*t;
	int		 lang;

	t = block_text(b, &lang);
	switch (r) {
	case DC_ROLE_LEAD:
		if (b->type == DC_PARA) {
			b->type = DC_CAPTION;
			b->sub = caption_sub(t, lang);
		}
		return 1;
	case DC_ROLE_SALUTATION:
		b->type = DC_SALUTATION;
		return 1;
	case DC_ROLE_VOCATIVE:
		b->type = DC_VOCATIVE;
		return 1;
	case DC_ROLE_NOTE:
		body_note(d, b, t, lang);
		return 1;
	case DC_ROLE_BCAPTION:
		b->type = DC_CAPTION;
		b->sub = caption_sub(t, lang);
		return 1;
	default:
		return 0;
	}
}

/*
 * The recognisers of every block from first on, of the text the
 * decoder judges (dc_roles_judged()): its features' first bits, worked
 * out here so that the decoder (roles.c) calls no reader.
 */
static unsigned *
body_recognise(const struct dc_node *first)
{
	const struct dc_node *b, *s;
	unsigned	*rec;
	size_t		 i, n;

	for (n = 0, b = first; b != NULL; b = b->next)
		n++;
	rec = g_new0(unsigned, n + 1);
	for (i = 0, b = first; b != NULL; b = b->next, i++)
		if ((s = dc_roles_judged(b)) != NULL)
			rec[i] = dc_recognise(s->text, s->lang);
	return rec;
}

/*
 * Give the blocks their roles as the decoder (roles.c) labels the
 * whole text: the opening's, what closes the text, and those of the
 * body that a block's form and place tell alone (headings and turns
 * are dc_body_roles()'s).  Returns the first block of the tail, or
 * NULL if nothing closes the text.
 */
static struct dc_node *
body_decide(struct dc_doc *d, struct dc_node *first, const struct dc_opts *o)
{
	struct dc_node	*b, **v, *tail = NULL;
	enum dc_role	*r;
	const char	*t;
	unsigned	*rec;
	size_t		 i, n;
	int		 lang, item = 0;

	rec = body_recognise(first);
	r = dc_roles_decide(first, rec, o, &n);
	g_free(rec);
	v = g_new(struct dc_node *, n + 1);
	for (i = 0, b = first; i < n; i++, b = b->next)
		v[i] = b;
	/* From the end back, as a reader finds who signed. */
	for (i = n; i-- > 0; ) {
		b = v[i];
		if (body_role(d, b, r[i]))
			continue;
		/* Above a list item kept in the body nothing closes the
		 * text (what closes it is after the body). */
		if (item && r[i] != DC_ROLE_WRITER)
			continue;
		switch (r[i]) {
		case DC_ROLE_BODY:
		case DC_ROLE_LEAD:
		case DC_ROLE_SALUTATION:
		case DC_ROLE_VOCATIVE:
		case DC_ROLE_NOTE:
		case DC_ROLE_BCAPTION:
			continue;
		case DC_ROLE_WRITER:
			/* The writer's credit opens the text: it names
			 * the writer as a byline does, but it does not
			 * close it. */
			b->type = DC_SIGNOFF;
			b->sub = DC_SUB_SIGNED;
			t = block_text(b, &lang);
			signoff_author(d, b, t);
			b->sub = DC_SUB_BYLINE;
			continue;
		case DC_ROLE_TRAILER:
			b->type = DC_NOTE;
			t = block_text(b, &lang);
			origtitle_speaker(d, b, t);
			break;
		case DC_ROLE_SPLIT:
			if ((b = tail_split(b)) == NULL)
				continue;
			if (b->sub == DC_SUB_BYLINE)
				signoff_author(d, b, block_text(b, &lang));
			break;
		case DC_ROLE_CLOSING:
			b->type = DC_CLOSING;
			break;
		case DC_ROLE_CREDIT:
		case DC_ROLE_CAPTION:
			b->type = DC_CAPTION;
			b->sub = tail_sub(r[i]);
			break;
		case DC_ROLE_SIGNED:
			if (body_item(b)) {
				item = 1;
				continue;
			}
			/* FALLTHROUGH */
		case DC_ROLE_BYLINE:
		case DC_ROLE_DATELINE:
		case DC_ROLE_EDITOR:
			b->type = DC_SIGNOFF;
			b->sub = tail_sub(r[i]);
			t = block_text(b, &lang);
			signoff_author(d, b, t);
			break;
		case DC_ROLE__MAX:
			abort();
		}
		tail = b;
	}
	g_free(v);
	g_free(r);
	return tail;
}

/* The first and the last input line of a block's segments. */
static void
block_lines(const struct dc_node *b, int *first, int *last)
{
	const struct dc_node	*s;

	*first = INT_MAX;
	*last = 0;
	for (s = b->child; s != NULL; s = s->next) {
		if (s->line < *first)
			*first = s->line;
		if (s->line > *last)
			*last = s->line;
	}
}

/* Is s a heading's numbering alone ("第三章", "Chapter 3", "一、")? */
static int
numbering_alone(const char *s)
{
	GMatchInfo	*mi = NULL;
	int		 st, en = -1;

	if (g_regex_match(R(RX_R_NUM), s, 0, &mi))
		(void)g_match_info_fetch_pos(mi, 0, &st, &en);
	g_match_info_free(mi);
	if (en < 0)
		return 0;
	for (s += en; *s != '\0'; s = g_utf8_next_char(s))
		if (!dc_is_edge_space(g_utf8_get_char(s)))
			return 0;
	return 1;
}

/*
 * Is the short line m the heading b wrapped, not a line of its own?
 * Only where the text says so: m comes on the input line after b's (no
 * blank line between) at b's indent, or on the same input line (pieces
 * of a container's field), and b is a numbering alone ("第三章" over
 * its title), b ends on a word that leaves its phrase open (English
 * "of", "and", "the"...; Chinese 的, 和, 与, 是, or a preposition: 在,
 * 向, 于, 对...) or m opens in lower case.  Two short lines with
 * nothing to join them are each a heading by its own evidence.
 */
static int
heading_wraps(const struct dc_node *b, const struct dc_node *m)
{
	static const char *const open_en[] = { "of", "and", "the", "a",
	    "an", "to", "for", "in", "on", "at", "by", "with", "from", "or",
	    "&" };
	const char	*t, *u, *w;
	int		 lang, mlang, bf, bl, mf, ml;
	size_t		 i;
	gunichar	 c;

	block_lines(b, &bf, &bl);
	block_lines(m, &mf, &ml);
	/* Pieces of one input line (a container's field with line
	 * breaks in it) are adjacent, their columns no indent. */
	if (bl == 0 || (mf != bl + 1 && mf != bl) || (mf == bl + 1 &&
	    b->child->col != m->child->col))
		return 0;
	t = block_text(b, &lang);
	u = block_text(m, &mlang);
	if (g_ascii_islower(u[0]) || numbering_alone(t))
		return 1;
	if (*t == '\0')
		return 0;
	c = g_utf8_get_char(g_utf8_prev_char(t + strlen(t)));
	if (lang == DC_LANG_ZH)
		return g_utf8_strchr("的之和与及或并而是为以在向往于对从把被",
		    -1, c) != NULL;
	w = strrchr(t, ' ');
	w = w != NULL ? w + 1 : t;
	for (i = 0; i < G_N_ELEMENTS(open_en); i++)
		if (g_ascii_strcasecmp(w, open_en[i]) == 0)
			return 1;
	return 0;
}

/*
 * Block b has a heading's form (k: heading_form()): with one more line
 * of that form after it that heading_wraps() joins to it (a heading
 * wrapped), then a paragraph, it is a heading (the lines joined into
 * it); two such lines not joined are a heading each.  Three such
 * lines or more are items: *items is set to the block after them,
 * none a heading.  Returns the block after the heading, or NULL if b
 * is no heading.
 */
/*
 * Is t a field's label and its value ("主办单位：柳溪镇人民政府", "Venue:
 * the old mill"): a colon after a label of two to eight characters, a
 * short value after it.  Such lines under a heading are its section's text, not
 * the heading wrapped nor a list of names.
 */
static int
label_value(const char *t)
{
	const char	*c = strstr(t, "：");
	long		 n;

	if (c == NULL && (c = strchr(t, ':')) == NULL)
		return 0;
	n = g_utf8_pointer_to_offset(t, c);
	c += *c == ':' ? 1 : 3;
	while (*c == ' ')
		c++;
	/* A headline's speaker and words ("美官员：船上载了…") say more
	 * than a field's value. */
	return n >= 2 && n <= 8 && *c != '\0' && dc_u8_count(c, 17) <= 16;
}

/* Is b's text a paragraph's: 40 characters or more, a sentence's
 * stop at its end, no field's label and value? */
static int
label_heading_prose(const struct dc_node *b)
{
	const char	*t;
	int		 lang;
	gunichar	 c;

	if (b == NULL || b->type != DC_PARA || b->child == NULL)
		return 0;
	t = block_text(b, &lang);
	if (lang != DC_LANG_ZH || dc_u8_count(t, 40) < 40 || label_value(t))
		return 0;
	c = g_utf8_get_char(g_utf8_prev_char(t + strlen(t)));
	if (c == 0x201D || c == 0x300D || c == 0xFF09)	/* ” 」 ） */
		c = g_utf8_get_char(g_utf8_prev_char(g_utf8_prev_char(
		    t + strlen(t))));
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

/*
 * A Chinese label and its topic alone between two paragraphs of prose
 * ("案情回顾：某某事始末", "专家解读：…"), captions aside, heads the
 * part after it: a field's label and value (label_value()) stand
 * among other fields, not alone in running text.
 */
static int
label_heading(const struct dc_node *b, const struct dc_node *tail)
{
	const struct dc_node	*p = b->prev;

	while (p != NULL && p->type == DC_CAPTION)
		p = p->prev;
	return b->next != tail && label_heading_prose(p) &&
	    label_heading_prose(b->next);
}

static struct dc_node *
body_heading(struct dc_node *b, int k, const struct dc_node *tail,
    struct dc_node **items)
{
	struct dc_node	*m;
	const char	*t;
	int		 lang, nlines = 1;

	*items = NULL;
	for (m = b->next; m != NULL && m != tail && nlines < 4 &&
	    m->type == DC_PARA; m = m->next) {
		t = block_text(m, &lang);
		if (heading_form(t, lang) != 1 || role_match(RX_R_NUM, t) ||
		    label_value(t))
			break;
		nlines++;
	}
	if (m == NULL || m == tail || nlines >= 4 || m->type != DC_PARA)
		return NULL;
	/* Three short lines or more are items or names (a list, the
	 * units taking part), not one heading wrapped. */
	if (nlines > 2) {
		*items = m;
		return NULL;
	}
	b->type = DC_HEADING;
	if (nlines == 2 && !heading_wraps(b, b->next))
		m = b->next;	/* a heading of its own, and so the next */
	while (b->next != m)
		heading_join(b, b->next);
	if (k == 1) {
		t = block_text(b, &lang);	/* joined */
		dc_msg(DC_WARN_ROLE, b->line, 0, "taken as a heading (a "
		    "short line without closing punctuation): %s", t);
	}
	return m;
}

/* Heading levels: by numbering kind (kinds[] counts them), in the
 * order of rank, the unnumbered ones at the top; at most three. */
static void
body_levels(struct dc_node *first, const int *kinds)
{
	struct dc_node	*b;
	int		 lang, lv, r, kk;

	for (b = first; b != NULL; b = b->next) {
		if (b->type != DC_HEADING || b->level > 0)
			continue;	/* a Markdown heading has its own */
		kk = heading_kind(block_text(b, &lang)) + 1;
		for (lv = 1, r = 0; r < kk; r++)
			if (kinds[r] > 0 && r != 1)
				lv++;
		if (kk == 1)
			lv = 1;
		b->level = lv > 3 ? 3 : lv;
	}
}

/*
 * A text that numbers its sections ("一、原理", "二、权重", three or
 * more, one numbering only, the form guessed them) numbers them all: a short
 * line without a number that the form took for a heading between two
 * of them ("得到" over a formula) is a line of the section.  One
 * before the first ("前言") or after the last ("结语") stays.
 */
static void
body_unnumbered(struct dc_node *first, struct dc_node *tail, int *kinds)
{
	struct dc_node	*b, *lo = NULL, *hi = NULL;
	int		 lang, k, n[7] = { 0 }, top = -1, i;

	for (b = first; b != NULL && b != tail; b = b->next)
		if (b->type == DC_HEADING && b->level == 0 &&
		    (k = heading_kind(block_text(b, &lang))) != 0)
			n[k + 1]++;
	/* One numbering only: where sections number their parts
	 * otherwise, a bare line may head a part of a part. */
	for (i = 0; i < 7; i++)
		if (i != 1 && n[i] > 0) {
			if (top >= 0)
				return;
			top = i;
		}
	if (top < 0 || n[top] < 3)
		return;
	for (b = first; b != NULL && b != tail; b = b->next)
		if (b->type == DC_HEADING && b->level == 0 &&
		    heading_kind(block_text(b, &lang)) + 1 == top) {
			if (lo == NULL)
				lo = b;
			hi = b;
		}
	for (b = lo; b != NULL && b != hi; b = b->next)
		if (b->type == DC_HEADING && b->level == 0 &&
		    heading_kind(block_text(b, &lang)) == 0) {
			b->type = DC_PARA;
			kinds[1]--;
			dc_msg(DC_WARN_ROLE, b->line, 0, "a paragraph after "
			    "all: a bare line between sections numbered "
			    "one way: %s", block_text(b, &lang));
		}
}

/* A heading's text for comparing: without white space of any kind
 * (contents lines space their labels otherwise: "总　　则", "总则"). */
static char *
heading_key(struct dc_node *b)
{
	const char	*t, *p;
	GString		*k = g_string_new(NULL);
	int		 lang;

	t = block_text(b, &lang);
	for (p = t; *p != '\0'; p = g_utf8_next_char(p))
		if (!dc_is_edge_space(g_utf8_get_char(p)))
			g_string_append_unichar(k, g_utf8_get_char(p));
	return g_string_free(k, FALSE);
}

/*
 * A table of contents: a run of three headings or more, nothing
 * between them, whose first two come again as headings further on
 * (the chapters the run lists).  Its lines are entries of a list, not
 * the sections: they become paragraphs, and kinds[] forgets them.
 */
static void
body_contents(struct dc_node *first, struct dc_node *tail, int *kinds)
{
	struct dc_node	*b, *e, *c, *end;
	char		*k0, *k1, *k;
	int		 n, found, lang, label;

	for (b = first; b != NULL && b != tail; b = b->next) {
		if (b->type != DC_HEADING)
			continue;
		for (e = b, n = 0; e != NULL && e != tail &&
		    e->type == DC_HEADING; e = e->next)
			n++;
		/* A heading naming the list ("目录", "Contents") is
		 * the list's, not a section's. */
		k = heading_key(b);
		label = g_regex_match_simple("^(?:目录|目次|目錄|(?:table"
		    "of)?contents)$", k, G_REGEX_CASELESS, 0);
		g_free(k);
		if (label) {
			b = b->next;
			n--;
		}
		if (n < 3)
			goto next;
		/* The list ends where its first entry comes again (the
		 * first chapter right after it), else with the run. */
		k0 = heading_key(b);
		k1 = heading_key(b->next);
		for (end = b->next; end != e; end = end->next) {
			k = heading_key(end);
			found = strcmp(k, k0) == 0;
			g_free(k);
			if (found)
				break;
		}
		found = end != e;
		for (c = end != e ? end->next : e; c != NULL && c != tail &&
		    found < 2; c = c->next) {
			if (c->type != DC_HEADING)
				continue;
			k = heading_key(c);
			if (strcmp(k, found == 0 ? k0 : k1) == 0)
				found++;
			g_free(k);
		}
		g_free(k0);
		g_free(k1);
		for (c = b, n = 0; c != end; c = c->next)
			n++;
		if (found == 2 && n >= 3)
			for (c = label ? b->prev : b; c != end; c = c->next) {
				kinds[heading_kind(block_text(c, &lang)) +
				    1]--;
				c->type = DC_PARA;
				c->level = 0;
			}
next:
		if (e == NULL || e == tail)
			break;
		b = e;
	}
}

/*
 * A block that is one opening bracket alone ("（") was broken off the
 * line after it ("三）…"), where an export lost a join: they are one
 * line again.  Only plain Chinese blocks of one segment.
 */
static void
body_lone_open(struct dc_node *first, const struct dc_node *tail)
{
	struct dc_node	*b, *n;
	char		*t;

	for (b = first; b != NULL && b != tail; b = b->next) {
		n = b->next;
		if (b->type != DC_PARA || n == NULL || n == tail ||
		    n->type != DC_PARA || b->child == NULL ||
		    b->child->next != NULL || n->child == NULL ||
		    n->child->next != NULL || b->child->type != DC_SEG ||
		    n->child->type != DC_SEG || b->child->child != NULL ||
		    n->child->child != NULL ||
		    b->child->lang != DC_LANG_ZH ||
		    n->child->lang != DC_LANG_ZH ||
		    b->child->text == NULL || n->child->text == NULL)
			continue;
		if (strcmp(b->child->text, "（") != 0 &&
		    strcmp(b->child->text, "(") != 0)
			continue;
		/* The line after closes the bracket it lacks. */
		if (strstr(n->child->text, "）") == NULL &&
		    strchr(n->child->text, ')') == NULL)
			continue;
		t = g_strconcat(b->child->text, n->child->text, NULL);
		g_free(b->child->text);
		b->child->text = t;
		dc_node_unlink(n);
		dc_node_free(n);
	}
}

/*
 * A numbered line's label ("一、", "（二）", "3."): its kind
 * (heading_kind()) and its number; 0 if t has none.
 */
static int
seq_label(const char *t, int *num)
{
	GMatchInfo	*mi = NULL;
	int		 k = 0, i, st, en;
	const char	*p, *q = NULL, *e;

	*num = -1;
	if (g_regex_match(R(RX_R_NUM), t, 0, &mi))
		for (i = 1; i <= 4 && k == 0; i++)
			if (g_match_info_fetch_pos(mi, i, &st, &en) &&
			    st >= 0 && en > st)
				k = i;
	g_match_info_free(mi);
	if (k == 0)
		return 0;
	e = t + en;
	for (p = t; p < e; p = g_utf8_next_char(p))
		if (g_unichar_isdigit(g_utf8_get_char(p)) ||
		    g_utf8_strchr("一二三四五六七八九十百零〇", -1,
		    g_utf8_get_char(p)) != NULL) {
			if (q == NULL)
				q = p;
		} else if (q != NULL)
			break;
	if (q == NULL)
		return 0;
	*num = date_num(q, (size_t)(p - q));
	return *num > 0 ? k : 0;
}

/* Is Chinese t a numbered line of one short sentence ("（一）经济运行
 *稳中有进。"): 40 characters at most, no stop but the last? */
static int
seq_sentence(const char *t)
{
	const char	*p, *last;

	if (dc_u8_count(t, 41) > 40 || *t == '\0')
		return 0;
	last = g_utf8_prev_char(t + strlen(t));
	for (p = t; p < last; p = g_utf8_next_char(p))
		if (g_utf8_strchr("。！？；：", -1, g_utf8_get_char(p)) != NULL)
			return 0;
	return g_utf8_strchr("。！", -1, g_utf8_get_char(last)) != NULL;
}

/* Where a numbered line's first sentence ends, if it is one short
 * sentence (seq_sentence()) and text runs on after it: the byte after
 * its stop; else 0. */
static size_t
seq_runin(const char *t)
{
	const char	*p = strstr(t, "。");
	char		*h;
	int		 r;

	if (p == NULL || p[3] == '\0')
		return 0;
	h = g_strndup(t, (size_t)(p + 3 - t));
	r = seq_sentence(h);
	g_free(h);
	return r ? (size_t)(p + 3 - t) : 0;
}

/*
 * Numbered sentences that head sections: a run of three lines or more
 * of one numbering kind, numbered one, two, three… in order, each one
 * short sentence with paragraphs under it (one at least, none of them
 * numbered so), is a run of headings however each ends: the sequence
 * says what one line cannot.  A list's items stand together; these
 * stand apart.
 */
static void
body_sequences(struct dc_node *first, const struct dc_node *tail)
{
	struct dc_node	*b, *c, *m, *run[64], *runin = NULL;
	const char	*t;
	int		 lang, k, v, ck, cv, n, i, under;
	size_t		 off = 0;

	for (b = first; b != NULL && b != tail; b = b->next) {
		if (b->type != DC_PARA || b->child == NULL)
			continue;
		t = block_text(b, &lang);
		if (lang != DC_LANG_ZH || (k = seq_label(t, &v)) == 0 ||
		    v != 1 || !seq_sentence(t))
			continue;
		run[0] = b;
		n = 1;
		for (c = b; n < 64; ) {
			/* The paragraphs under c, up to the next line of
			 * its kind. */
			under = 0;
			for (m = c->next; m != NULL && m != tail; m = m->next) {
				if (m->type != DC_PARA || m->child == NULL)
					break;
				if (seq_label(block_text(m, &lang), &cv) == k)
					break;
				under++;
			}
			if (under == 0)
				break;
			if (m == NULL || m == tail || m->type != DC_PARA)
				break;
			t = block_text(m, &lang);
			ck = seq_label(t, &cv);
			if (ck != k || cv != v + n)
				break;
			/* The last of the run may run its text on after
			 * its sentence ("三、某某。一线…"). */
			if (!seq_sentence(t)) {
				if (n >= 2 && m->child->next == NULL &&
				    m->child->child == NULL &&
				    (off = seq_runin(t)) > 0)
					runin = m;
				else
					break;
			}
			run[n++] = m;
			c = m;
			if (runin != NULL)
				break;
		}
		/* The last one too needs its paragraphs. */
		if (n >= 3 && under == 0 && runin == NULL)
			n--;
		if (n < 3) {
			runin = NULL;
			continue;
		}
		if (runin != NULL)
			block_split(runin, off, DC_PARA);
		for (i = 0; i < n; i++)
			run[i]->type = DC_HEADING;
		b = run[n - 1];
		runin = NULL;
	}
}

/*
 * Give each block its role by form and position (see above).  Blocks
 * a reader already typed otherwise than DC_PARA keep their type (a
 * Markdown heading is a heading).
 */
void
dc_body_roles(struct dc_doc *d, const struct dc_opts *o)
{
	struct dc_node	*b, *s, *m, *next, *first = NULL, *tail = NULL;
	struct dc_node	*items = NULL;
	const char	*t;
	int		 lang, para = 0, strong, k, nb = 0, nlong = 0;
	int		 turns = 0, names = 0, kinds[7] = { 0 }, spoken = 0;
	int		 marked = 0, pl;
	GHashTable	*rep;
	size_t		 sl;

	for (b = d->root->child; b != NULL; b = b->next)
		if (dc_type_is_block(b->type) && b->child != NULL) {
			if (first == NULL)
				first = b;
			nb++;
			t = block_text(b, &lang);
			if (heading_form(t, lang) == 0)
				nlong++;
			if (b->type == DC_HEADING)
				marked++;
		}
	if (first == NULL)
		return;

	/* What ends the text: thanks, sign-offs, credits and captions,
	 * decided with the rest of the text (roles.c). */
	tail = body_decide(d, first, o);
	body_lone_open(first, tail);
	body_sequences(first, tail);

	/* Speaker turns: count the labels first, so that names count
	 * only where the text is an interview. */
	body_lone_labels(first, tail);
	rep = turn_labels(first, tail);
	for (b = first; b != NULL && b != tail; b = b->next)
		for (s = b->child; s != NULL; s = s->next)
			if (turn_label(s, &strong, rep) > 0) {
				if (strong)
					turns++;
				else
					names++;
			}

	for (b = first; b != NULL && b != tail; b = next) {
		next = b->next;
		if (b == items)
			items = NULL;	/* the run of short lines is over */
		if (!dc_type_is_block(b->type) || b->child == NULL)
			continue;
		t = block_text(b, &lang);
		if (b->type == DC_HEADING) {
			kinds[heading_kind(t) + 1]++;
			continue;
		}
		/* The decoder's roles stand (body_decide()); an editor's
		 * note counts as a paragraph before a heading. */
		if (b->type == DC_NOTE)
			para = 1;
		if (b->type != DC_PARA)
			continue;
		/* A heading stands between paragraphs (or opens the body
		 * when it is numbered), in a text that has paragraphs. */
		k = block_heading_form(b, t, lang);
		/* The last of a run of short lines ends a list: an item,
		 * as those before it, however a paragraph follows it.  A
		 * caption's line before a heading ("Figure 1 The mill")
		 * is no item. */
		if (k == 1 && label_value(t) && (lang != DC_LANG_ZH ||
		    !label_heading(b, tail)))
			k = 0;		/* a field's label and value */
		/* A bare short line over a table's first row names the
		 * table ("某某税目税率表"): a caption, no section's (a
		 * labelled one, "附：某某表", heads an annex). */
		if (k == 1 && next != NULL && next != tail &&
		    strstr(t, "：") == NULL && strchr(t, ':') == NULL &&
		    next->child != NULL && table_row(block_text(next, &pl)))
			k = 0;
		if (k == 1 && b->prev != NULL && b->prev->type == DC_PARA &&
		    b->prev->child != NULL && body_run_item(b->prev, lang) &&
		    !(dc_recognise(block_text(b->prev, &pl), lang) &
		    (DC_REC_CAPTION | DC_REC_CREDIT_END)))
			k = 0;
		/* A text whose markup marks two headings or more marks
		 * them all: its short lines are items, not headings; and
		 * an item of its lists (a table's row) is one. */
		if (k > 0 && nlong >= 2 && marked < 2 && next != NULL &&
		    !body_item(b) &&
		    next != tail && (para || k == 2) && items == NULL &&
		    (m = body_heading(b, k, tail, &items)) != NULL) {
			next = m;
			kinds[heading_kind(block_text(b, &lang)) + 1]++;
			continue;
		}
		/* Speaker turns. */
		sl = 0;
		for (s = b->child; s != NULL; s = s->next) {
			size_t n = turn_label(s, &strong, rep);
			if (n > 0 && !strong && turn_preamble(s, rep, spoken))
				n = 0;
			/* A list's item ("- 主版本号：当你……") defines a
			 * term; a speaker it names stands out (strong). */
			if (n > 0 && !strong && body_item(b))
				n = 0;
			if (n > 0 && (strong || turns > 0 || names >= 3)) {
				n = turn_unbracket(s, n);
				s->spk_len = n;
				sl = n;
			}
		}
		if (sl > 0) {
			b->type = DC_TURN;
			spoken = 1;
			if (turns == 0) {
				dc_msg(DC_WARN_ROLE, b->line, 0, "taken as a "
				    "speaker turn (paragraphs open with names "
				    "and a colon): %s", t);
				turns = -1;	/* say it once */
			}
			para = 1;
			continue;
		}
		if (b->prev != NULL && b->prev->type == DC_TURN &&
		    !trailer_form(t)) {
			/* A turn goes on until something else begins (an
			 * end mark, "（完）", ends the talk). */
			b->type = DC_TURN;
			para = 1;
			continue;
		}
		para = 1;
		for (s = b->child; s != NULL; s = s->next)
			dc_seg_enum(s);
	}

	g_hash_table_unref(rep);
	body_contents(first, tail, kinds);
	body_unnumbered(first, tail, kinds);
	body_levels(first, kinds);
	/* The writer the text's credits name comes first ("某某｜文"). */
	header_source_author(d);
}

/* Is there a colon among the first bytes of s, where a label's is? */
static int
web_colon_early(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0' && i < 40; i++)
		if (s[i] == ':' || (strncmp(s + i, "：", 3) == 0))
			return 1;
	return 0;
}

/*
 * ---- Clause per line ----
 *
 * Segmented corpora and subtitles put a clause or a sentence on each
 * line.  A Chinese line that ends in a clause mark (，、；： and their
 * small forms) has not ended its sentence, nor has one that ends
 * inside a bracket or quotation it opened: the next line goes on with
 * it.  An address ("尊敬的各位来宾，") ends in a comma but stands alone.
 */

/* How far c opens (+1) or closes (-1) a bracket or quotation. */
static int
clause_depth(gunichar c)
{
	switch (c) {
	case 0x201C: case 0x300C: case 0x300E: case 0xFF08: case 0x300A:
	case 0x3010: case 0x3014: case 0x3016:
		return 1;
	case 0x201D: case 0x300D: case 0x300F: case 0xFF09: case 0x300B:
	case 0x3011: case 0x3015: case 0x3017:
		return -1;
	default:
		return 0;
	}
}

/* Is a Chinese line an address, its token spaces (if segmented)
 * aside? */
static int
clause_address(const char *s)
{
	char	*t, *w;
	int	 r;

	if (strchr(s, ' ') == NULL && strstr(s, "　") == NULL)
		return dc_is_address(s, DC_LANG_ZH);
	t = g_strdup(s);
	for (w = t; *s != '\0'; )
		if (*s == ' ')
			s++;
		else if (strncmp(s, "　", 3) == 0)
			s += 3;
		else
			*w++ = *s++;
	*w = '\0';
	r = dc_is_address(t, DC_LANG_ZH);
	g_free(t);
	return r;
}

/*
 * Does a line of text in language lang go on in the next line?  *depth
 * carries the brackets and quotations left open by the lines joined so
 * far (0 for a new paragraph).  Returns 2 if it ends in a clause mark
 * (it goes on even across a blank line), 1 if it ends inside an open
 * bracket or quotation, 0 if it ends here.
 */
int
dc_line_continues(const char *s, int lang, int *depth)
{
	const char	*p;
	gunichar	 c = 0;
	unsigned char	 b;

	/* Brackets and quotation marks are all E2, E3 or EF ...: other
	 * characters are stepped over undecoded. */
	for (p = s; (b = (unsigned char)*p) != '\0'; ) {
		if (b != 0xE2 && b != 0xE3 && b != 0xEF) {
			p += DC_U8_SKIP(b);
			continue;
		}
		*depth += clause_depth(dc_u8_next(&p));
		if (*depth < 0)
			*depth = 0;
	}
	if (p > s)
		c = g_utf8_get_char(g_utf8_prev_char(p));
	if (lang != DC_LANG_ZH || clause_address(s))
		return 0;
	if (c == 0xFF0C || c == 0x3001 || c == 0xFF1B || c == 0xFF1A ||
	    c == 0xFE50 || c == 0xFE54 || c == 0xFE55 || c == 0xFE51)
		return 2;
	/* Inside an open bracket, unless the sentence ended: the
	 * paragraphs of a long quotation each open it anew. */
	if (*depth > 0 && c != 0x3002 && c != 0xFF01 && c != 0xFF1F &&
	    c != 0x2026)
		return 1;
	return 0;
}

/* Is c white space that an indent is made of (ideographic, ASCII, a
 * tab, no-break)? */
static int
split_space(gunichar c)
{
	return c == 0x3000 || c == ' ' || c == '\t' || c == 0xA0;
}

/* Does s space its Han words as a segmented corpus does (three gaps of
 * one or two spaces between Han characters or more)? */
static int
split_tokenised(const char *s)
{
	const char	*p, *q;
	int		 n = 0, k;

	for (p = s; *p != '\0' && n < 3; p = g_utf8_next_char(p)) {
		if (dc_char_script_lang(g_utf8_get_char(p)) != DC_LANG_ZH)
			continue;
		q = g_utf8_next_char(p);
		for (k = 0; *q == ' '; q++)
			k++;
		if (k >= 1 && k <= 2 && *q != '\0' &&
		    dc_char_script_lang(g_utf8_get_char(q)) == DC_LANG_ZH)
			n++;
	}
	return n >= 3;
}

/*
 * Where a paragraph's indent was left in mid-line (its line break lost:
 * "……结束。　　第二段……", "……结束。    第二段……" where a page's
 * &nbsp; or spaces made it), the byte offset of the indent after a
 * sentence's end, or 0: two spaces of any kind (one ideographic space
 * is a pause in a line, as ASCII ones between Latin words are) before
 * a Han character.
 */
static size_t
split_at(const char *s)
{
	const char	*p, *q;
	gunichar	 c, prev = 0, next;
	int		 n, tok, book = 0, stop = 0;

	/* Most lines have no indent inside: spared the walk. */
	if (strstr(s, "\u3000\u3000") == NULL && strstr(s, "  ") == NULL &&
	    strstr(s, "\u00a0") == NULL && strchr(s, '\t') == NULL)
		return 0;
	/* A segmented line spaces its words, and doubles the space
	 * after a stop: only ideographic spaces are an indent there. */
	tok = split_tokenised(s);
	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		/* Spaces inside a book's title are its own ("《…”  …》"). */
		if (c == 0x300A)
			book++;
		else if (c == 0x300B && book > 0)
			book--;
		if (split_space(c) && (c == 0x3000 || (!tok && book == 0 &&
		    (prev == 0x3002 || prev == 0xFF01 || prev == 0xFF1F ||
		    prev == 0x2026 || stop))) && p > s &&
		    (prev == 0x3002 ||
		    prev == 0xFF01 || prev == 0xFF1F || prev == 0x201D ||
		    prev == 0x300D || prev == 0x300F || prev == 0x2026)) {
			for (q = p, n = 0; split_space(g_utf8_get_char(q));
			    q = g_utf8_next_char(q))
				n++;
			next = g_utf8_get_char(q);
			if (n >= 2 && *q != '\0' && (c == 0x3000 ||
			    dc_char_script_lang(next) == DC_LANG_ZH))
				return (size_t)(p - s);
		}
		/* A closing quote after a stop ends a sentence too. */
		stop = (c == 0x201D || c == 0x300D || c == 0x300F) &&
		    (prev == 0x3002 || prev == 0xFF01 || prev == 0xFF1F);
		prev = c;
	}
	return 0;
}

/*
 * Lost line breaks: a line holding a paragraph's indent in mid-line
 * is split there, the new line indented as the indent says.
 */
void
dc_input_split(struct dc_input *in)
{
	GArray		*out;
	struct dc_line	 l, nl;
	size_t		 i, at;
	const char	*p;

	out = g_array_sized_new(FALSE, FALSE, sizeof(struct dc_line),
	    (guint)in->nlines + 8);
	for (i = 0; i < in->nlines; i++) {
		l = in->lines[i];
		while (!l.blank && (at = split_at(l.text)) > 0) {
			nl = l;
			for (p = l.text + at, nl.indent = 0;
			    split_space(g_utf8_get_char(p));
			    p = g_utf8_next_char(p))
				nl.indent++;
			nl.col = l.col + (int)(p - l.text);
			nl.text = g_strdup(p);
			nl.len = strlen(p);
			nl.lang = dc_text_lang(nl.text, nl.len);
			l.text[at] = '\0';
			l.len = at;
			l.lang = dc_text_lang(l.text, l.len);
			g_array_append_val(out, l);
			l = nl;
		}
		g_array_append_val(out, l);
	}
	g_free(in->lines);
	in->nlines = out->len;
	in->lines = (struct dc_line *)(void *)g_array_free(out, FALSE);
}

/*
 * ---- Pairs on one line ----
 *
 * Bilingual posts put a Chinese sentence and its English on one line,
 * with a joiner of any spelling between (" | ", " / ", "——", a tab,
 * or nothing), in either order.  Where most lines with Chinese are
 * such pairs, each is split in two, as a <br> splits a web post's.
 */

/* Is c a Han character? */
static int
pair_han(gunichar c)
{
	return dc_char_script_lang(c) == DC_LANG_ZH && !g_unichar_ispunct(c);
}

/* Chinese punctuation that ends a Chinese part (not a joiner). */
static int
pair_zh_punct(gunichar c)
{
	return (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65 &&
	    !g_unichar_isalnum(c)) || c == 0x201D || c == 0x2019 ||
	    c == 0x2026;
}

/* Does English text run over [s, e): Latin letters, two words or
 * more, no Han character? */
static int
pair_english(const char *s, const char *e)
{
	size_t		 letters = 0, spaces = 0;
	gunichar	 c;

	for (; s < e; s = g_utf8_next_char(s)) {
		c = g_utf8_get_char(s);
		if (pair_han(c))
			return 0;
		letters += c < 0x80 && g_ascii_isalpha(c);
		spaces += c == ' ';
	}
	return letters >= 6 && spaces >= 1;
}

/* Is there a Latin letter in [s, e)? */
static int
pair_latin(const char *s, const char *e)
{
	for (; s < e; s++)
		if (g_ascii_isalpha(*s))
			return 1;
	return 0;
}

/* Skip a joiner: white space and the marks that join a pair. */
static const char *
pair_joiner(const char *p, const char *e)
{
	gunichar	 c;

	while (p < e) {
		c = g_utf8_get_char(p);
		if (!g_unichar_isspace(c) && c != '|' && c != '/' &&
		    c != '-' && c != 0x2014 && c != 0x2013 && c != 0xFF5C &&
		    c != 0xFF0F && c != 0x3000 && c != 0xB7 && c != 0x2022)
			break;
		p = g_utf8_next_char(p);
	}
	return p;
}

/*
 * Where does the second part of a pair on line s start?  Returns the
 * byte offsets of the first part's end (*a) and the second's start
 * (*b), or 0 if s is no pair.
 */
static int
pair_split(const char *s, size_t *a, size_t *b)
{
	const char	*e = s + strlen(s), *p, *first = NULL, *last = NULL;
	const char	*q;
	size_t		 han = 0;

	for (p = s; p < e; p = q) {
		q = p;
		/* ASCII (most of an English line) is no Han character. */
		if ((unsigned char)*p < 0x80) {
			q++;
			continue;
		}
		if (pair_han(dc_u8_next(&q))) {
			if (first == NULL)
				first = p;
			last = q;
			han++;
		}
	}
	if (han < 2)
		return 0;
	/* Chinese first: after its last Han character and punctuation. */
	for (p = last; p < e && pair_zh_punct(g_utf8_get_char(p)); )
		p = g_utf8_next_char(p);
	q = pair_joiner(p, e);
	if (!pair_latin(s, first) && q < e && pair_english(q, e)) {
		*a = (size_t)(p - s);
		*b = (size_t)(q - s);
		return 1;
	}
	/* English first: up to the joiner before the first Han. */
	if (first > s && pair_english(s, first)) {
		for (q = first; q > s; ) {
			p = g_utf8_prev_char(q);
			if (!pair_zh_punct(g_utf8_get_char(p)) &&
			    g_utf8_get_char(p) != 0x201C &&
			    g_utf8_get_char(p) != 0x2018)
				break;
			q = p;
		}
		for (p = q; p > s; ) {
			const char *r = g_utf8_prev_char(p);
			if (pair_joiner(r, p) == r)
				break;
			p = r;
		}
		if (p > s) {
			*a = (size_t)(p - s);
			*b = (size_t)(q - s);
			return 1;
		}
	}
	return 0;
}

/* Split the pairs on one line, where most lines with Chinese are. */
void
dc_input_pairs(struct dc_input *in)
{
	GArray		*out;
	struct dc_line	 l, nl;
	size_t		 i, a, b, zh = 0, pairs = 0;
	char		*t;

	for (i = 0; i < in->nlines; i++)
		if (!in->lines[i].blank && in->lines[i].piece == 0) {
			if (pair_split(in->lines[i].text, &a, &b))
				pairs++;
			else if (in->lines[i].lang == DC_LANG_ZH)
				zh++;
		}
	if (pairs < 2 || pairs < zh)
		return;
	out = g_array_sized_new(FALSE, FALSE, sizeof(struct dc_line),
	    (guint)(in->nlines + pairs));
	for (i = 0; i < in->nlines; i++) {
		l = in->lines[i];
		if (l.blank || l.piece != 0 || !pair_split(l.text, &a, &b)) {
			g_array_append_val(out, l);
			continue;
		}
		nl = l;
		nl.text = g_strdup(l.text + b);
		nl.len = strlen(nl.text);
		nl.lang = dc_text_lang(nl.text, nl.len);
		nl.col = l.col + (int)b;
		nl.indent = 0;
		nl.piece = 2;
		nl.pair = 1;
		/* The first part, and after its end the joiner, kept for
		 * dc_input_unpair(). */
		t = g_malloc(b + 2);
		memcpy(t, l.text, a);
		t[a] = '\0';
		memcpy(t + a + 1, l.text + a, b - a);
		t[b + 1] = '\0';
		g_free(l.text);
		l.text = t;
		l.len = a;
		l.lang = dc_text_lang(l.text, l.len);
		l.piece = 1;
		l.pair = 1;
		g_array_append_val(out, l);
		g_array_append_val(out, nl);
	}
	g_free(in->lines);
	in->nlines = out->len;
	in->lines = (struct dc_line *)(void *)g_array_free(out, FALSE);
}

/*
 * The line that dc_input_pairs() split into a and b, whole again, with
 * the joiner between them as it was ("Apple pie / 苹果派", "茶 | tea"):
 * kept after a's end.  g_free() it.
 */
char *
dc_pair_rejoin(const struct dc_line *a, const struct dc_line *b)
{
	const char	*jn = a->text + a->len + 1;

	/* Not as dc_input_pairs() left it: the space it stood for. */
	if (!a->pair || a->piece != 1 || b->col < a->col ||
	    (size_t)(b->col - a->col) != a->len + strlen(jn))
		jn = b->col > a->col + (int)a->len ? " " : "";
	return g_strconcat(a->text, jn, b->text, NULL);
}

/*
 * The pairs dc_input_pairs() split, joined again: a text not read as
 * bilingual (its pairs too few for the dialect, a glossary's "term:
 * 释义" headings in an English note) has no translations to link,
 * and a line split in two would be two headings or two paragraphs
 * where the writer wrote one.  The joiner between them ("Apple pie /
 * 苹果派", "茶 | tea") is put back as it was: dc_input_pairs() kept it
 * after the first part's end.
 */
void
dc_input_unpair(struct dc_input *in)
{
	struct dc_line	*a, *b;
	size_t		 i, j;
	char		*t;

	for (i = j = 0; i < in->nlines; i++) {
		a = &in->lines[i];
		if (a->pair && a->piece == 1 && i + 1 < in->nlines &&
		    (b = &in->lines[i + 1])->pair && b->piece == 2 &&
		    b->lineno == a->lineno) {
			t = dc_pair_rejoin(a, b);
			g_free(a->text);
			g_free(b->text);
			a->text = t;
			a->len = (uint32_t)strlen(t);
			a->lang = dc_text_lang(t, a->len);
			a->piece = 0;
			a->pair = 0;
			i++;
		}
		in->lines[j++] = *a;
	}
	in->nlines = j;
}

/* Does s end in a colon (an announcement: "……三件事：")? */
static int
join_colon(const char *s)
{
	size_t	 n = strlen(s);

	return (n >= 1 && s[n - 1] == ':') ||
	    (n >= 3 && strcmp(s + n - 3, "：") == 0);
}

/* Does s open with a quotation mark (the words a colon announces, in
 * its paragraph: "他说：" and "“……”" on the next line)? */
static int
join_quote_opens(const char *s)
{
	gunichar	 c = g_utf8_get_char(s);

	return c == 0x201C || c == 0x300C || c == 0x300E || c == '"';
}

/* What the whole text shows of its line structure (join_scan()). */
struct join_ctx {
	int	 spaced;	/* a blank line after nearly every line */
	int	 wrapped;	/* Chinese paragraphs open with an indent and
				   go on in unindented lines: hard-wrapped */
	int	 prev;		/* indent of the run's last line */
	int	 prevend;	/* it ends a sentence */
	int	 prevfull;	/* it is as long as the longest (fixed) */
	long	 width;		/* characters of the longest Chinese line */
	int	 fixed;		/* a third of the Chinese lines (three or
				   more) are that long: wrapped at a width */
};

/* Does a line end a sentence (before closing quotes)? */
static int
join_sentence_end(const char *s)
{
	const char	*p = s + strlen(s);
	gunichar	 c = 0;

	while (p > s) {
		p = g_utf8_prev_char(p);
		c = g_utf8_get_char(p);
		if (clause_depth(c) >= 0 && c != '"' && c != 0x2019)
			break;
	}
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x2026 ||
	    c == '.' || c == '!' || c == '?';
}

/*
 * Scan the text for the evidence of its line structure: double spacing
 * (a blank line after nine lines of ten), and hard wrapping (at least
 * two Chinese lines that open a paragraph with an indent, and two
 * unindented ones after a line that stops mid-clause, with no blank
 * between).
 */
static void
join_scan(const struct dc_input *in, struct join_ctx *x)
{
	const struct dc_line	*l;
	size_t			 i, lines = 0, spaced = 0, ind = 0, cont = 0;
	size_t			 full = 0;
	int			 depth = 0;

	memset(x, 0, sizeof(*x));
	for (i = 0; i < in->nlines; i++) {
		l = &in->lines[i];
		if (l->blank)
			continue;
		lines++;
		spaced += i + 1 < in->nlines && in->lines[i + 1].blank;
		if (l->lang != DC_LANG_ZH)
			continue;
		x->width = MAX(x->width, g_utf8_strlen(l->text, -1));
		if (l->indent > 0)
			ind++;
		else if (i > 0 && !in->lines[i - 1].blank &&
		    in->lines[i - 1].lang == DC_LANG_ZH &&
		    dc_line_continues(in->lines[i - 1].text, DC_LANG_ZH,
		    &depth) == 0 && !join_sentence_end(in->lines[i - 1].text))
			cont++;
		depth = 0;
	}
	x->spaced = lines >= 4 && spaced * 10 >= lines * 9;
	x->wrapped = ind >= 2 && cont >= 2;
	for (i = 0, lines = 0; i < in->nlines; i++) {
		l = &in->lines[i];
		if (l->blank || l->lang != DC_LANG_ZH)
			continue;
		lines++;
		if (g_utf8_strlen(l->text, -1) * 10 >= x->width * 9)
			full++;
	}
	x->fixed = full >= 3 && full * 3 >= lines;
}

/* A hard-wrapped line goes on: no indent after a run that opened
 * with one, and the line before it stops mid-sentence; or, in a text
 * wrapped at a width with no indents, the line before it is as long as
 * the longest and stops mid-sentence (the last line of a paragraph is
 * shorter, or ends a sentence). */
static int
join_wrapped(const struct join_ctx *x, const struct dc_line *last,
    const struct dc_line *l)
{
	if (l->lang != DC_LANG_ZH || last->lang != DC_LANG_ZH || x->prevend)
		return 0;
	return (x->wrapped && last->indent > 0 && l->indent == 0) ||
	    (x->fixed && x->prevfull && last->indent == 0 && l->indent == 0);
}

/*
 * May line l go on the run last ends (cont: what dc_line_continues()
 * said of it), with blanks blank lines between?  A blank line, a
 * deeper indent or a change of form ends a run; a join across a blank
 * line needs a clause mark in a double-spaced text; after a colon only
 * a wrapped line or a quotation goes on.
 */
static int
join_ok(const struct join_ctx *x, const struct dc_line *last,
    const struct dc_line *l, int cont, int blanks)
{
	/* An item's lines run on (no blank: the markup's soft break). */
	if (l->body || (l->heading != 0 && !(l->heading == -2 &&
	    last->heading == -2)) || l->brk || last->heading == -1 ||
	    (l->lang != last->lang &&
	    l->lang >= 0) || clause_address(l->text))
		return 0;
	if (cont == 0)
		return blanks == 0 && join_wrapped(x, last, l);
	if (l->indent > x->prev)
		return 0;
	/* A colon ends an announcement whose items follow as paragraphs
	 * of their own: a line after it goes on only where the text was
	 * wrapped there (the colon line is as long as the text's longest
	 * lines) or where it opens the quotation announced, never across
	 * an indent or a blank line, never an item. */
	if (join_colon(last->text))
		return blanks == 0 && l->indent == 0 &&
		    !role_match(RX_R_NUM, l->text) && ((x->fixed &&
		    g_utf8_strlen(last->text, -1) * 10 >= x->width * 9) ||
		    join_quote_opens(l->text));
	if (blanks > 0)
		return cont == 2 && x->spaced;
	return 1;
}

/* Is s a page's number alone, as text taken from printed pages keeps
 * it: in dashes ("- 2 -", "— 12 —") or said ("第 3 页", "第3页 共5页")? */
static int
join_folio(const char *s)
{
	static GRegex	*rx;
	static gsize	 once;

	if (strlen(s) > 40 || (strstr(s, "页") == NULL && strstr(s, "頁") ==
	    NULL && strchr(s, '-') == NULL && strstr(s, "—") == NULL &&
	    strstr(s, "－") == NULL && strstr(s, "–") == NULL))
		return 0;
	if (g_once_init_enter(&once)) {
		rx = g_regex_new("^[\\s\\x{3000}]*(?:[-—－―–]{1,2}[\\s\\x{3000}]*"
		    "\\d{1,3}[\\s\\x{3000}]*[-—－―–]{1,2}|第[\\s\\x{3000}]*\\d{1,3}"
		    "[\\s\\x{3000}]*[页頁](?:[\\s\\x{3000}]*[,，/]?[\\s\\x{3000}]*"
		    "共[\\s\\x{3000}]*\\d{1,3}[\\s\\x{3000}]*[页頁])?)"
		    "[\\s\\x{3000}]*$", G_REGEX_OPTIMIZE, 0, NULL);
		g_once_init_leave(&once, 1);
	}
	return g_regex_match(rx, s, 0, NULL);
}

/* Keep what join_ok() needs of the run's last line. */
static void
join_last(struct join_ctx *x, const struct dc_line *l)
{
	x->prev = l->indent;
	x->prevend = join_sentence_end(l->text);
	x->prevfull = x->fixed &&
	    g_utf8_strlen(l->text, -1) * 10 >= x->width * 9;
}

/*
 * Join the lines that go on (dc_line_continues(), join_wrapped()) into
 * the line they continue, keeping the first line's number and indent.
 * sep joins them: nothing for running Chinese text, a space for
 * segmented text (a token boundary).  Only lines of the same language
 * join, and only where join_ok() finds no paragraph mark between.
 */
void
dc_input_join(struct dc_input *in, const char *sep)
{
	struct dc_line	*l, *last = NULL;
	struct join_ctx	 x;
	size_t		 i, j, k;
	int		 depth = 0, cont = 0, blanks = 0;
	char		*t;

	join_scan(in, &x);
	for (i = j = 0; i < in->nlines; i++) {
		l = &in->lines[i];
		/* A page's number left by a printed page ("— 2 —",
		 * "第 3 页"): no line of the text. */
		if (!l->blank && join_folio(l->text)) {
			g_free(l->text);
			continue;
		}
		if (l->blank) {
			blanks++;
			in->lines[j++] = *l;
			continue;
		}
		if (last != NULL && join_ok(&x, last, l, cont, blanks)) {
			join_last(&x, l);
			cont = dc_line_continues(l->text, last->lang, &depth);
			/* Tokens separated by ideographic spaces keep
			 * theirs. */
			t = g_strconcat(last->text, *sep != '\0' &&
			    strchr(last->text, ' ') == NULL &&
			    strstr(last->text, "　") != NULL ? "　" : sep,
			    l->text, NULL);
			g_free(last->text);
			g_free(l->text);
			last->text = t;
			last->len = strlen(t);
			/* The blank lines between them go too. */
			j -= (size_t)blanks;
			for (k = 0; k < (size_t)blanks; k++)
				g_free(in->lines[j + k].text);
		} else {
			depth = 0;
			join_last(&x, l);
			cont = dc_line_continues(l->text, l->lang, &depth);
			in->lines[j] = *l;
			last = &in->lines[j++];
		}
		blanks = 0;
	}
	in->nlines = j;
}
