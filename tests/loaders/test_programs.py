from loaders.lexicon import token_boundaries, tokenize
from loaders.programs import ProgramRecognizer


def _names(text: str) -> list[str]:
    tokens = tokenize(text)
    starts, ends = token_boundaries(tokens)
    return [m.name for m in ProgramRecognizer().find(text, starts, ends, {t.start: t.flag for t in tokens})]


def test_phrase_ending_in_a_program_word() -> None:
    assert _names("深入实施县域急救能力提升工程。") == ["县域急救能力提升工程"]


def test_book_titles_are_programs() -> None:
    assert "某省医疗卫生服务体系规划(2021-2025年)" in _names(
        "印发《某省医疗卫生服务体系规划(2021-2025年)》。"
    )


def test_quoted_name_carried_out_or_with_a_program_word() -> None:
    assert _names("全面推行“先看病后付费”。") == ["先看病后付费"]
    assert _names("实施“银发守护”工程。") == ["“银发守护”工程"]


def test_quoted_watchwords_are_not_programs() -> None:
    assert _names("牢记“健康至上”理念，聚焦“争先进位”目标要求。") == []


def test_verbal_program_word_with_an_object_is_no_name() -> None:
    assert _names("某县创建全国卫生县城。") == []


def test_counted_projects_are_targets_not_programs() -> None:
    assert _names("谋划公共卫生项目120个。") == []


def test_numbered_set_yields_each_action() -> None:
    names = _names("实施“强基固本、人才引领”两大行动。")
    assert "强基固本行动" in names and "人才引领行动" in names


def test_listed_items_before_a_shared_program_word() -> None:
    assert _names("推进高血压、糖尿病防治等专项行动。") == ["高血压、糖尿病防治等专项行动"]


def test_coordinated_reforms_are_separate() -> None:
    assert _names("深化编制管理改革和绩效工资改革。") == ["编制管理改革", "绩效工资改革"]


def test_a_name_that_ends_a_longer_one_is_the_same_program() -> None:
    assert _names("全面推进紧密型县域医共体建设。") == ["紧密型县域医共体建设"]
    assert _names("坚持深化医改。") == ["深化医药卫生体制改革"]
    # Two programs side by side stay two.
    assert _names("实施健康广西行动和县域医共体建设。") == ["健康广西行动", "县域医共体建设"]


def test_a_boundary_character_inside_a_word_does_not_cut_the_name() -> None:
    assert _names("实施“万名医师进乡村”对口支援工程。") == ["“万名医师进乡村”对口支援工程"]
    assert _names("加强对基层卫生人才培养工程的支持。") == ["基层卫生人才培养工程"]


def test_a_verb_opening_the_phrase_is_not_part_of_the_name() -> None:
    assert _names("全面推开紧密型城市医疗集团建设。") == ["紧密型城市医疗集团建设"]


def test_a_listed_program_in_quotes_with_a_generic_word_after_is_one_program() -> None:
    assert _names("深入开展“优质服务基层行”活动。") == ["优质服务基层行"]
    assert _names("开展“健康乡村”活动。") == ["“健康乡村”活动"]


def test_evaluative_words_before_a_generic_noun_name_no_program() -> None:
    # Written for this rule: a kind of thing praised, not one program.
    assert _names("加快高端平台建设，打造一批标志性项目，出台一揽子支持政策。") == []
    # Near miss: a field before the generic noun names the program.
    assert _names("推进省级医学科技创新平台建设。") == ["省级医学科技创新平台建设"]


def test_zone_named_by_a_place_alone_is_that_place() -> None:
    assert _names("支持济源示范区发展，推进海峡两岸融合发展示范区建设。") == ["海峡两岸融合发展示范区建设"]


def test_clause_fragments_are_not_programs() -> None:
    # A copula, a pronoun, a request or a counted quantity makes the span a piece of a clause.
    assert _names("总之，守护群众健康是一个系统工程。") == []
    assert _names("请谈谈这一行动的主要内容。") == []
    assert _names("它属于三大行动中的一项。") == []
    assert _names("去年共开展了320多场控烟宣传活动。") == []
    assert _names("从体系建设、服务提升等方面入手。") == []
    # Near misses: an ordinal count and a named campaign stay programs.
    assert [n for n in _names("举办全国第36个爱国卫生月主题活动。") if n.endswith("爱国卫生月主题活动")]
    assert _names("深入开展爱国卫生运动。") == ["爱国卫生运动"]


def test_a_verb_before_a_bare_policy_word_is_no_name() -> None:
    assert _names("财政部门落实相关投入政策。") == []
    assert _names("开展评估公共政策工作。") == []
    # Near miss: a policy with its own name stays one.
    assert _names("落实三孩生育政策。") == ["三孩生育政策"]


def test_exercise_is_not_a_campaign() -> None:
    assert _names("倡导居民合理运动。") == []
    assert _names("全面推进全民健身运动。") == ["全民健身运动"]


def test_special_programmes_and_strategies_end_a_noun_phrase() -> None:
    assert _names("实施基层卫生人才专项，落实区域协调发展战略。") == ["基层卫生人才专项", "区域协调发展战略"]
    # Near misses: 专项 heading a longer noun, and generic words before 战略.
    assert _names("安排专项经费。") == []
    assert _names("以国家重大战略为牵引。") == []


def test_a_service_or_system_is_a_program_when_quoted_or_carried_out() -> None:
    assert _names("实施孕产期三级预防服务。") == ["孕产期三级预防服务"]
    assert _names("完善“1+X”养老服务体系。") == ["“1+X”养老服务体系"]
    assert _names("优化“退休一件事”服务。") == ["“退休一件事”服务"]
    # Near misses: improving a system or a service in general runs no program.
    assert _names("完善基层医疗卫生服务体系。") == []
    assert _names("优化审批服务。") == []


def test_the_activity_a_verb_carries_out_before_work() -> None:
    assert _names("常态化开展整治医疗乱象工作。") == ["整治医疗乱象"]
    assert _names("抓实慢性病筛查干预工作。") == ["慢性病筛查干预"]
    # Near misses: an adverbial or a generic phrase before 工作 names no activity.
    assert _names("加强党对卫生健康工作的领导。") == []
    assert _names("落实各项重点工作。") == []
    assert _names("深化编制改革和薪酬改革工作。") == ["编制改革", "薪酬改革"]


def test_an_activity_a_verb_carries_out_ends_its_clause() -> None:
    assert _names("认真落实婚前医学检查，推进孕前优生服务。") == ["婚前医学检查", "孕前优生服务"]
    assert _names("强化孕产妇妊娠风险评估。") == ["孕产妇妊娠风险评估"]
    assert _names("加强食品安全风险监测。") == []  # monitoring in general is routine work
    # Near misses: nothing named before the activity word, or an adverbial.
    assert _names("开展实施情况评估。") == []
    assert _names("深化对困难家庭的关怀帮扶。") == []


def test_an_institution_ending_in_zhi() -> None:
    assert _names("全面推行医院院长年薪制、科室主任聘任制。") == ["医院院长年薪制", "科室主任聘任制"]
    # Near misses: 机制, 体制, 编制 are words of their own.
    assert _names("完善运行机制，深化管理体制。") == []


def test_a_quoted_name_after_a_verb_of_improving() -> None:
    assert _names("巩固完善“10分钟健康服务圈”。") == ["10分钟健康服务圈"]
    # Near miss: a quoted watchword stays a watchword.
    assert _names("完善“以人民为中心”的理念。") == []


def test_a_modifier_and_an_age_range_stay_inside_the_name() -> None:
    assert _names("深化省级临床重点专科建设。") == ["省级临床重点专科建设"]
    assert _names("积极推进0—3岁婴幼儿照护服务。") == ["0—3岁婴幼儿照护服务"]
    # Near miss: 重点 before a verb still ends the name.
    assert _names("重点支持县域医共体建设。") == ["县域医共体建设"]


def test_a_campaign_into_a_place() -> None:
    assert _names("深入推进中医药文化进校园。") == ["中医药文化进校园"]
    assert _names("开展“控烟知识进万家”行动。") == ["“控烟知识进万家”行动"]
    # Near miss: 推进, 促进 end in 进 as verbs.
    assert _names("持续推进基层卫生人才培养，促进家庭和睦。") == []


def test_a_form_is_no_program_and_a_title_is_named_whole() -> None:
    assert _names("认真填写《发热病例筛查登记表》和《排查告知书》。") == []
    assert _names("印发《某市慢性病综合防控示范区建设方案》。") == ["某市慢性病综合防控示范区建设方案"]


def test_narrative_words_make_no_program() -> None:
    assert _names("患者伴随有活动后胸闷。") == []
    assert _names("为医生提供最优扫描方案。") == []
    assert _names("今年的《政府工作报告》提出。") == []


def test_a_program_word_inside_a_longer_name_names_no_program() -> None:
    assert _names("省爱国卫生运动委员会办公室发布通知。") == []
    assert _names("举行“自贸港政策解读”发布会。") == []
    assert _names("保证学生体育活动时间。") == []
    # Near miss: the campaign itself, and a quoted name ending in its program word.
    assert _names("深入开展爱国卫生运动。") == ["爱国卫生运动"]
    assert _names("推进“健康城市建设”工作。") == ["健康城市建设"]


def test_a_numbered_set_with_its_own_name_and_an_activity_counted_after() -> None:
    assert _names("深入实施口腔保健、视力保护等三大儿童健康促进行动。") == ["三大儿童健康促进行动"]
    assert _names("积极开展个体健康教育12万人次。") == ["个体健康教育"]
    # Near miss: a bare numbered set names nothing.
    assert _names("实施七大行动。") == []


def test_a_course_or_lecture_held_is_a_program() -> None:
    assert _names("市中医医院举行防治糖尿病健康知识讲座。") == ["防治糖尿病健康知识讲座"]
    assert _names("举办全省院前急救工作培训班3期。") == ["院前急救工作培训班"]
    # Near miss: attending one is not running it.
    assert _names("医生参加健康知识讲座。") == []


def test_programs_inside_quoted_speech_are_found() -> None:
    assert _names("院长说：“今年全院推进胸痛中心建设工程。”") == ["胸痛中心建设工程"]
