"""Metric strings to canonical metrics: the wordings that join, and the near misses that must not."""

from __future__ import annotations

import pytest

from graph.tracks.metrics import catalogue, normalise, resolve


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("全市孕产妇死亡率", "孕产妇死亡率"),
        ("我省居民健康素养水平", "居民健康素养水平"),
        ("五岁以下儿童死亡率（‰）", "5岁以下儿童死亡率"),
        ("二级及以上综合性医院设立老年医学科比例", "二级以上综合医院设立老年医学科比例"),
        ("以乡镇为单位国家免疫规划疫苗接种率", "乡镇为单位国家免疫规划疫苗接种率"),
        ("家庭医生签约服务覆盖率 ", "家庭医生签约覆盖率"),
        ("70岁及以下人群慢性呼吸系统疾病死亡率", "70岁及以下人群慢性呼吸系统疾病死亡率"),
        ("红色、黄色人群签约服务覆盖率", "红色、黄色人群签约覆盖率"),
        ("人均健康期望寿命", "人均健康预期寿命"),
    ],
)
def test_normalise_removes_only_meaningless_variation(metric: str, expected: str) -> None:
    assert normalise(metric) == expected


@pytest.mark.parametrize(
    ("wordings", "unit", "key"),
    [
        (["家庭医生签约服务覆盖率", "家庭医生签约覆盖率", "家庭医生签约率"], "%", "m-family_doctor_coverage"),
        (["人均预期寿命", "人均期望寿命", "居民人均预期寿命"], "岁", "m-life_expectancy"),
        (["5岁以下儿童死亡率", "五岁以下儿童死亡率"], "‰", "m-under5_mortality"),
        (
            ["二级以上综合性医院设老年医学科比例", "二级及以上综合医院设立老年医学科比例"],
            "%",
            "m-geriatrics_department",
        ),
        (["孕产妇产前筛查率", "产前筛查率"], "%", "m-prenatal_screening"),
    ],
)
def test_variant_wordings_join_one_canonical_metric(wordings: list[str], unit: str, key: str) -> None:
    assert {resolve(w, unit).key for w in wordings} == {key}


def test_a_rate_in_another_unit_joins_and_converts() -> None:
    per_mille = resolve("孕产妇死亡率", "‰")
    assert per_mille.key == resolve("孕产妇死亡率", "/10万").key == "m-maternal_mortality"
    assert per_mille.unit == "/10万"
    assert per_mille.direction == "lower"
    assert per_mille.value_in_unit(0.15, "‰") == pytest.approx(15.0)


@pytest.mark.parametrize(
    ("metric", "unit", "not_key"),
    [
        ("签约覆盖率", "%", "m-family_doctor_coverage"),  # whose signing? stays apart
        ("重点人群签约服务覆盖率", "%", "m-family_doctor_coverage"),
        ("二级以上综合性医院老年医学科规范化建设比例", "%", "m-geriatrics_department"),
        ("人均健康预期寿命", "岁", "m-life_expectancy"),
        ("新生儿疾病筛查率", "%", "m-newborn_metabolic_screening"),
        ("孕产妇死亡率", "例", "m-maternal_mortality"),  # a count of deaths is not the rate
        ("人均预期寿命提高", "岁", "m-life_expectancy"),  # a change, not the level
        ("严重精神障碍患者规范管理率", "%", "m-severe_mental_disorder_management"),
    ],
)
def test_near_misses_stay_separate(metric: str, unit: str, not_key: str) -> None:
    assert resolve(metric, unit).key != not_key


def test_a_similar_indicator_resolves_to_itself() -> None:
    assert resolve("重点人群签约服务覆盖率", "%").key == "m-key_group_signing_coverage"
    assert resolve("签约覆盖率", "%").canonical is None


def test_unresolved_wordings_join_only_their_own_normalised_form() -> None:
    assert resolve("全区新生儿疾病筛查率", "%").key == resolve("新生儿疾病筛查率", "％").key
    assert resolve("红色人群签约服务覆盖率", "%").key == resolve("红色人群签约覆盖率", "%").key
    assert resolve("新生儿疾病筛查率", "%").key != resolve("新生儿疾病筛查率", "个").key
    assert resolve("某病发病率", "/10万").direction == "lower"
    assert resolve("乡镇卫生院中医馆覆盖率", "%").direction == "higher"


def test_catalogue_entries_name_their_source_and_a_known_unit() -> None:
    by_id, by_wording = catalogue()
    assert len(by_id) >= 30
    for metric in by_id.values():
        assert metric.source.startswith("《") or "国家卫生健康委" in metric.source
        assert metric.direction in ("higher", "lower")
        assert resolve(metric.name, metric.unit).canonical is metric
    assert by_wording[normalise("家庭医生签约率")].id == "family_doctor_coverage"


def test_track_ids_split_back_into_metric_key_and_committer() -> None:
    from graph.tracks.build import split_track_id, track_id

    committer = "official:王仁元|org:浙江省卫生健康委员会"
    assert split_track_id(track_id("m-maternal_mortality", committer)) == ("m-maternal_mortality", committer)
    assert split_track_id("raw-0123456789@region:360112") == ("raw-0123456789", "region:360112")
    assert split_track_id("region:360112") is None
    assert split_track_id("maternal@region:360112") is None
