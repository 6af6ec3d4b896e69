"""Prose rules, one table row per rule: (sentence(s), publication date, expected figures).

Every sentence here is written for the test; figures are (year, country, group, metric, value, value_high).
"""
import pytest

from flows.reading import read_vocabulary
from transforms.extract import extract_figures
from transforms.model import Document

VOCABULARY = read_vocabulary()


def _figures(text, published, country="PAK", title=None, source_org=None):
    document = Document(name="t.txt", text=text, format="text", published=published, title=title, source_org=source_org)
    extraction = extract_figures(document, VOCABULARY, default_country=country)
    for figure in extraction.figures:
        assert document.text[figure.start : figure.end] == figure.evidence
    return {(f.year, f.country, f.group, f.metric, f.value, f.value_high) for f in extraction.figures}


ROWS = [
    # totals and their tolls
    ("The monitor counted 412 militant attacks in 2019, which killed 530 people and wounded 801 others.", "2020-01-03",
     {(2019, "PAK", "all", "attacks", 412, None), (2019, "PAK", "all", "killed", 530, None),
      (2019, "PAK", "all", "injured", 801, None)}),
    ("A total of 318 terrorist attacks took place in the year, claiming 604 lives and injuring another 1,022 people.", "2021-01-05",
     {(2020, "PAK", "all", "attacks", 318, None), (2020, "PAK", "all", "killed", 604, None),
      (2020, "PAK", "all", "injured", 1022, None)}),
    # words, space separators, hedges
    ("Nine suicide bombings were recorded last year and left 71 people dead.", "2016-01-02",
     {(2015, "PAK", "all", "suicide_attacks", 9, None), (2015, "PAK", "all", "suicide_killed", 71, None)}),
    ("In 2014, 2 104 people were killed in terrorist attacks.", "2015-01-04", {(2014, "PAK", "all", "killed", 2104, None)}),
    # percent changes and their metric
    ("Terrorist attacks fell by 24 percent in 2018 compared with 2017.", "2019-01-02",
     {(2018, "PAK", "all", "attacks_change_pct", -24, None)}),
    ("The report notes a 33pc rise in deaths and a 12pc drop in injuries during 2021.", "2022-01-02",
     {(2021, "PAK", "all", "killed_change_pct", 33, None), (2021, "PAK", "all", "injured_change_pct", -12, None)}),
    ("Militant attacks, deaths and injuries went up by 15, 21 and 9 percent respectively over the previous year.", "2020",
     {(2019, "PAK", "all", "attacks_change_pct", 15, None), (2019, "PAK", "all", "killed_change_pct", 21, None),
      (2019, "PAK", "all", "injured_change_pct", 9, None)}),
    ("The country recorded 287 attacks in 2017, a 19% decline over the previous year.", "2018-01-06",
     {(2017, "PAK", "all", "attacks", 287, None), (2017, "PAK", "all", "attacks_change_pct", -19, None)}),
    ("There was a 58 increase in the operations of security forces in 2022.", "2023-01-01",
     {(2022, "PAK", "security-forces", "operations_change_pct", 58, None)}),
    # baselines and before/after
    ("Attacks dropped by 8% in 2016 as compared to 2015 when 706 attacks were recorded.", "2017-01-01",
     {(2016, "PAK", "all", "attacks_change_pct", -8, None), (2015, "PAK", "all", "attacks", 706, None)}),
    ("The toll reached 1,140 fatalities (up from 925 last year) in violence-related incidents.", "2023-01-09",
     {(2022, "PAK", "all-violence", "killed", 1140, None), (2021, "PAK", "all-violence", "killed", 925, None)}),
    ("Five suicide attacks occurred this year compared to three suicide attacks in 2018.", "2019-12-30",
     {(2019, "PAK", "all", "suicide_attacks", 5, None), (2018, "PAK", "all", "suicide_attacks", 3, None)}),
    # groups
    ("The TTP carried out 97 attacks in 2021, which killed 140 people.", "2022-01-01",
     {(2021, "PAK", "ttp", "attacks", 97, None), (2021, "PAK", "ttp", "killed", 140, None)}),
    ("Of the total 250 attacks, 41 were perpetrated by Baloch insurgents in 2020.", "2021-01-01",
     {(2020, "PAK", "all", "attacks", 250, None), (2020, "PAK", "nationalist-insurgents", "attacks", 41, None)}),
    ("Islamic State claimed 12 attacks in 2018.", "2019-01-01", {(2018, "PAK", "islamic-state", "attacks", 12, None)}),
    ("In 2020 security forces conducted 210 operations and killed 302 militants.", "2021-01-01",
     {(2020, "PAK", "security-forces", "operations", 210, None), (2020, "PAK", "security-forces", "killed_militants", 302, None)}),
    ("In 2021, 88 cross-border attacks killed 61 soldiers.", "2022-01-01",
     {(2021, "PAK", "cross-border", "attacks", 88, None), (2021, "PAK", "cross-border", "killed_security", 61, None)}),
    ("Combining militant attacks and security forces actions, the country saw 1,210 violent incidents in 2022.", "2023-01-01",
     {(2022, "PAK", "all-violence", "incidents", 1210, None)}),
    # victim breakdowns
    ("In 2018, 460 people were killed including 210 civilians, 190 soldiers and 60 militants.", "2019-01-01",
     {(2018, "PAK", "all", "killed", 460, None), (2018, "PAK", "all", "killed_civilians", 210, None),
      (2018, "PAK", "all", "killed_security", 190, None), (2018, "PAK", "all", "killed_militants", 60, None)}),
    ("UNAMA documented 8,820 civilian casualties (2,640 deaths; 6,180 injured) in 2017.", "2018-02-15",
     {(2017, "AFG", "all", "casualties_civilians", 8820, None), (2017, "AFG", "all", "killed_civilians", 2640, None),
      (2017, "AFG", "all", "injured_civilians", 6180, None)}),
    ("A yearly index published in 2019 said deaths from terrorism fell by 41 per cent to 602 in 2018.", "2019-11-20",
     {(2018, "PAK", "all", "killed_change_pct", -41, None), (2018, "PAK", "all", "killed", 602, None)}),
    ("Deaths among security personnel rose 14% and civilian deaths fell 31% in 2016.", "2017-01-03",
     {(2016, "PAK", "all", "killed_security_change_pct", 14, None), (2016, "PAK", "all", "killed_civilians_change_pct", -31, None)}),
    ("Terrorist attacks in the country dropped to 288 in 2019 from 350 in 2018.", "2020-01-04",
     {(2019, "PAK", "all", "attacks", 288, None), (2018, "PAK", "all", "attacks", 350, None)}),
    ("In 2016, militants carried out 610 attacks, while security forces killed 1,900 militants in 380 operations.", "2017-01-02",
     {(2016, "PAK", "all", "attacks", 610, None), (2016, "PAK", "security-forces", "killed_militants", 1900, None),
      (2016, "PAK", "security-forces", "operations", 380, None)}),
    ("The number of people killed in militant attacks rose from 1,470 in 2012 to 1,650 in 2013.", "2014-01-04",
     {(2012, "PAK", "all", "killed", 1470, None), (2013, "PAK", "all", "killed", 1650, None)}),
    ("Of the 1,530 attacks reported in 2014, 512 were claimed by the TTP and its affiliates.", "2015-01-02",
     {(2014, "PAK", "all", "attacks", 1530, None), (2014, "PAK", "ttp", "attacks", 512, None)}),
    ("Jamaat-ul-Ahrar claimed responsibility for 17 of these attacks in 2017.", "2018-01-02",
     {(2017, "PAK", "ttp", "attacks", 17, None)}),
    ("• Terrorist attacks: 295 (down 11%)\n• Killed: 640\n• Injured: 1,105", "2019-01-02",
     {(2018, "PAK", "all", "attacks", 295, None), (2018, "PAK", "all", "attacks_change_pct", -11, None),
      (2018, "PAK", "all", "killed", 640, None), (2018, "PAK", "all", "injured", 1105, None)}),
    ("The year saw a 35 percent increase in cross-border attacks, which numbered 61.", "2020-01-02",
     {(2019, "PAK", "cross-border", "attacks_change_pct", 35, None), (2019, "PAK", "cross-border", "attacks", 61, None)}),
    ("There were 21 US drone strikes in 2012, which killed 140 suspected militants.", "2013-01-02",
     {(2012, "PAK", "us-forces", "attacks", 21, None), (2012, "PAK", "us-forces", "killed_militants", 140, None)}),
    ("The TTP, which had 22,000 fighters at its peak in 2012, now has an estimated 5,500 fighters.", "2019-01-02",
     {(2012, "PAK", "ttp", "fighters", 22000, None), (2018, "PAK", "ttp", "fighters", 5500, None)}),
    ("In 2019, 420 militants were killed in intelligence-based operations.", "2020-01-02",
     {(2019, "PAK", "security-forces", "killed_militants", 420, None)}),
    ("Attacks in Sindh fell by 40 percent, while nationwide attacks rose by 22 percent in 2021.", "2022-01-04",
     {(2021, "PAK", "all", "attacks_change_pct", 22, None)}),
    # fighters
    ("Officials say about 2,500 Daesh fighters are active in 2019.", "2019-06-01",
     {(2019, "PAK", "islamic-state", "fighters", 2500, None)}),
    ("A UN panel put the TTP's strength in Afghanistan at between 3,000 and 5,500 fighters last year.", "2022-01-10",
     {(2021, "AFG", "ttp", "fighters", 3000, 5500)}),
    ("Analysts blame the Islamic State for the rise. A UN report put the group's strength at about 2,200 fighters.",
     "2021-03-01", {(2020, "PAK", "islamic-state", "fighters", 2200, None)}),
    # a year after the number holds only in its own clause
    ("Six suicide bombings killed 45 people, whereas there had been three such bombings the year before.", "2020-01-03",
     {(2019, "PAK", "all", "suicide_attacks", 6, None), (2019, "PAK", "all", "suicide_killed", 45, None),
      (2018, "PAK", "all", "suicide_attacks", 3, None)}),
    ("Police deaths climbed by 23pc, after a 12pc decline the previous year.", "2020-01-02",
     {(2019, "PAK", "all", "killed_security_change_pct", 23, None), (2018, "PAK", "all", "killed_security_change_pct", -12, None)}),
    # comparisons: 'than the year before', 'on the previous year', 'on 2016', 'against N', ', when N'
    ("The death toll was 27 percent lower than the year before.", "2019-01-04", {(2018, "PAK", "all", "killed_change_pct", -27, None)}),
    ("Militants staged 512 attacks over the year, up 12pc on the previous year, while deaths rose 9pc.", "2018-01-03",
     {(2017, "PAK", "all", "attacks", 512, None), (2017, "PAK", "all", "attacks_change_pct", 12, None),
      (2017, "PAK", "all", "killed_change_pct", 9, None)}),
    ("The monitor logged 431 attacks in 2017, a 9 percent increase on 2016.", "2018-01-03",
     {(2017, "PAK", "all", "attacks", 431, None), (2017, "PAK", "all", "attacks_change_pct", 9, None)}),
    ("There were seven suicide attacks in 2019, against four the year before.", "2020-01-05",
     {(2019, "PAK", "all", "suicide_attacks", 7, None), (2018, "PAK", "all", "suicide_attacks", 4, None)}),
    ("Security forces conducted 120 operations against militants in 2019.", "2020-01-05",
     {(2019, "PAK", "security-forces", "operations", 120, None)}),
    ("Civilian casualties were 14 percent lower than in 2016, when 11,400 civilians were killed or wounded.", "2018-02-01",
     {(2017, "PAK", "all", "casualties_civilians_change_pct", -14, None), (2016, "PAK", "all", "casualties_civilians", 11400, None)}),
    ("The mission counted 9,310 civilian casualties, a drop of 6 per cent compared with 2017, when it recorded 9,905.", "2019-02-20",
     {(2018, "PAK", "all", "casualties_civilians", 9310, None), (2018, "PAK", "all", "casualties_civilians_change_pct", -6, None),
      (2017, "PAK", "all", "casualties_civilians", 9905, None)}),
    ("Fatalities fell by 21pc, down from 1,100 in 2017.", "2018-12-30",
     {(2018, "PAK", "all", "killed_change_pct", -21, None), (2017, "PAK", "all", "killed", 1100, None)}),
    # groups: what state forces strike are operations; a phrase ends at the next number; "<group> ... with N"
    ("Security forces and police conducted 61 intelligence-based strikes in 2020, in which 340 militants were killed.", "2021-01-03",
     {(2020, "PAK", "security-forces", "operations", 61, None), (2020, "PAK", "security-forces", "killed_militants", 340, None)}),
    ("Nationalist insurgents carried out 52 attacks, and nine attacks were sectarian.", "2020-01-03",
     {(2019, "PAK", "nationalist-insurgents", "attacks", 52, None), (2019, "PAK", "sectarian", "attacks", 9, None)}),
    ("The TTP remained the deadliest group with 160 attacks in 2018.", "2019-01-03", {(2018, "PAK", "ttp", "attacks", 160, None)}),
    # security forces that suffer losses are victims; a breakdown 'along with' / 'together with'
    ("Security forces suffered heavy losses: 310 personnel were killed, along with 280 civilians and 405 militants.", "2021-01-02",
     {(2020, "PAK", "all", "killed_security", 310, None), (2020, "PAK", "all", "killed_civilians", 280, None),
      (2020, "PAK", "all", "killed_militants", 405, None)}),
    # places: an aside's place, an origin ('from'), a distribution ('most of them in') are not the figure's place
    ("The TTP claimed 41 attacks, which killed 96 people, including a blast in Quetta that left 30 dead.", "2020-01-02",
     {(2019, "PAK", "ttp", "attacks", 41, None), (2019, "PAK", "ttp", "killed", 96, None)}),
    ("The monitor recorded 31 cross-border attacks from Afghanistan in 2022.", "2023-01-02",
     {(2022, "PAK", "cross-border", "attacks", 31, None)}),
    ("Over 400 security personnel were killed in 2023, most of them in Balochistan.", "2024-01-02",
     {(2023, "PAK", "all", "killed_security", 400, None)}),
    ("Deaths from terrorism rose by 12 percent to 950 in 2017, the index says.", "2018-11-20",
     {(2017, "PAK", "all", "killed_change_pct", 12, None), (2017, "PAK", "all", "killed", 950, None)}),
    # 'since' a year: a running total in the number's clause, a superlative's reference point elsewhere
    ("Nearly 1,200 people were killed in militant attacks last year, the highest toll since 2014.", "2019-01-02",
     {(2018, "PAK", "all", "killed", 1200, None)}),
    # the subject of a change is the nearest clause's; a change verb said once for a list of metrics
    ("Fatalities went up by 40 percent, compared to 2017 when 380 people died in such attacks, and the number of wounded rose "
     "31 percent.", "2019-01-02",
     {(2018, "PAK", "all", "killed_change_pct", 40, None), (2017, "PAK", "all", "killed", 380, None),
      (2018, "PAK", "all", "injured_change_pct", 31, None)}),
    ("Attacks grew by 35 percent, deaths by 18 percent and injuries by 7 percent in 2018.", "2019-01-02",
     {(2018, "PAK", "all", "attacks_change_pct", 35, None), (2018, "PAK", "all", "killed_change_pct", 18, None),
      (2018, "PAK", "all", "injured_change_pct", 7, None)}),
    ("Civilian casualties reached a record 9,200 in 2016, the mission said.", "2017-02-01",
     {(2016, "PAK", "all", "casualties_civilians", 9200, None)}),
    ("In all, 7,950 civilians were harmed in 2021 (2,400 killed and 5,550 injured), a decline of 9 per cent from 2020.", "2022-02-01",
     {(2021, "PAK", "all", "casualties_civilians", 7950, None), (2021, "PAK", "all", "killed_civilians", 2400, None),
      (2021, "PAK", "all", "injured_civilians", 5550, None), (2021, "PAK", "all", "casualties_civilians_change_pct", -9, None)}),
    # numbers that take part of what the previous sentence counted
    ("Militants killed 640 people in 2019. Of these, 290 were civilians and 150 were soldiers.", "2020-01-02",
     {(2019, "PAK", "all", "killed", 640, None), (2019, "PAK", "all", "killed_civilians", 290, None),
      (2019, "PAK", "all", "killed_security", 150, None)}),
    ("Terrorist attacks killed 345 people in 2020.\nOf those killed, 210 were civilians, 95 were policemen and 40 were militants.",
     "2021-01-02",
     {(2020, "PAK", "all", "killed", 345, None), (2020, "PAK", "all", "killed_civilians", 210, None),
      (2020, "PAK", "all", "killed_security", 95, None), (2020, "PAK", "all", "killed_militants", 40, None)}),
    ("Religiously inspired militant groups carried out 120 attacks in 2019. The TTP alone carried out 61 of them.", "2020-01-02",
     {(2019, "PAK", "religious-militants", "attacks", 120, None), (2019, "PAK", "ttp", "attacks", 61, None)}),
    ("The monitor counted 412 attacks in 2019. They were 13 percent fewer than in 2018.", "2020-01-02",
     {(2019, "PAK", "all", "attacks", 412, None), (2019, "PAK", "all", "attacks_change_pct", -13, None)}),
    ("In 2017 the TTP carried out 190 attacks. This was a 21 percent decline from the year before.", "2019-01-02",
     {(2017, "PAK", "ttp", "attacks", 190, None), (2017, "PAK", "ttp", "attacks_change_pct", -21, None)}),
    ("Militants carried out 412 attacks in 2019, and the deaths in them fell 8 percent.", "2020-01-02",
     {(2019, "PAK", "all", "attacks", 412, None), (2019, "PAK", "all", "killed_change_pct", -8, None)}),
    ("Militants carried out 300 attacks in 2019. There was a 13 percent decline in them compared with 2018.", "2020-01-02",
     {(2019, "PAK", "all", "attacks", 300, None), (2019, "PAK", "all", "attacks_change_pct", -13, None)}),
    ("The BLA carried out 62 attacks in 2020. Compared with 2019, they rose by 24 percent.", "2021-01-02",
     {(2020, "PAK", "nationalist-insurgents", "attacks", 62, None),
      (2020, "PAK", "nationalist-insurgents", "attacks_change_pct", 24, None)}),
    # which figure of the sentence before: attacks when the part says who carried them out, people when it names victims
    ("Militants carried out 310 attacks in 2019, killing 520 people. Of these, 130 were claimed by the TTP.", "2020-01-02",
     {(2019, "PAK", "all", "attacks", 310, None), (2019, "PAK", "all", "killed", 520, None), (2019, "PAK", "ttp", "attacks", 130, None)}),
    ("Militants carried out 310 attacks in 2019, killing 520 people. Of these, 230 were civilians.", "2020-01-02",
     {(2019, "PAK", "all", "attacks", 310, None), (2019, "PAK", "all", "killed", 520, None),
      (2019, "PAK", "all", "killed_civilians", 230, None)}),
    ("Militants carried out 310 attacks in 2019, killing 520 people. Of these, 17 were suicide attacks.", "2020-01-02",
     {(2019, "PAK", "all", "attacks", 310, None), (2019, "PAK", "all", "killed", 520, None),
      (2019, "PAK", "all", "suicide_attacks", 17, None)}),
    # a change said of a dropped figure is dropped with it
    ("Militants killed 640 people in 2019. Of these, 120 were women, a rise of 12 percent.", "2020-01-02",
     {(2019, "PAK", "all", "killed", 640, None)}),
    ("Suicide bombings fell, from 31 in 2016 to 22 in 2017.", "2018-01-02",
     {(2016, "PAK", "all", "suicide_attacks", 31, None), (2017, "PAK", "all", "suicide_attacks", 22, None)}),
    ("Security forces conducted 48 military or paramilitary operations in 2018.", "2019-01-02",
     {(2018, "PAK", "security-forces", "operations", 48, None)}),
    ("Deaths from terrorism fell by 29 per cent in 2017, to 1,040.", "2018-11-20",
     {(2017, "PAK", "all", "killed_change_pct", -29, None), (2017, "PAK", "all", "killed", 1040, None)}),
    ("Attacks rose to 310 from 205, while fatalities rose to 420 from 301.", "2022-01-03",
     {(2021, "PAK", "all", "attacks", 310, None), (2020, "PAK", "all", "attacks", 205, None),
      (2021, "PAK", "all", "killed", 420, None), (2020, "PAK", "all", "killed", 301, None)}),
    # objects of one verb; a breakdown of lives claimed
    ("According to the monitor, militants killed 410 civilians and 215 security personnel in 2018.", "2019-01-02",
     {(2018, "PAK", "all", "killed_civilians", 410, None), (2018, "PAK", "all", "killed_security", 215, None)}),
    ("Terror-related incidents claimed 980 lives in 2022, including 410 security personnel.", "2023-01-02",
     {(2022, "PAK", "all", "killed", 980, None), (2022, "PAK", "all", "killed_security", 410, None)}),
    ("In 2022, the fatalities among civilians and security personnel were 390 and 410 respectively.", "2023-01-02",
     {(2022, "PAK", "all", "killed_civilians", 390, None), (2022, "PAK", "all", "killed_security", 410, None)}),
    ("The number of attacks was 270 in 2017, 240 in 2018 and 150 in 2019.", "2020-01-02",
     {(2017, "PAK", "all", "attacks", 270, None), (2018, "PAK", "all", "attacks", 240, None), (2019, "PAK", "all", "attacks", 150, None)}),
    ("Security forces lost 287 personnel in 2022.", "2023-01-02", {(2022, "PAK", "all", "killed_security", 287, None)}),
    # a month in a relative clause about something else; a period from January to December is the year
    ("Militants carried out 290 attacks in 2022. The TTP, which ended its truce in November, claimed 76 of the attacks.",
     "2023-01-03", {(2022, "PAK", "all", "attacks", 290, None), (2022, "PAK", "ttp", "attacks", 76, None)}),
    ("The mission documented 9,100 civilian casualties between 1 January and 31 December 2019.", "2020-02-20",
     {(2019, "PAK", "all", "casualties_civilians", 9100, None)}),
    # state forces as subjects; a list of 'N by <group>'; a new subject in a later clause; a noun said a sentence before
    ("The Counter Terrorism Department killed 85 terrorists during 2019.", "2020-01-02",
     {(2019, "PAK", "security-forces", "killed_militants", 85, None)}),
    ("Of the 280 attacks, 160 were claimed by TTP, 70 by Baloch insurgents and 9 by IS-K.", "2021-01-02",
     {(2020, "PAK", "all", "attacks", 280, None), (2020, "PAK", "ttp", "attacks", 160, None),
      (2020, "PAK", "nationalist-insurgents", "attacks", 70, None), (2020, "PAK", "islamic-state", "attacks", 9, None)}),
    ("The Pakistani Taliban carried out 150 attacks, while nationalist insurgents perpetrated 80 in 2019.", "2020-01-02",
     {(2019, "PAK", "ttp", "attacks", 150, None), (2019, "PAK", "nationalist-insurgents", "attacks", 80, None)}),
    ("In 2022 the TTP claimed 89 attacks. Islamic State's Khorasan branch claimed 14.", "2023-01-02",
     {(2022, "PAK", "ttp", "attacks", 89, None), (2022, "PAK", "islamic-state", "attacks", 14, None)}),
    # a change with no number before it is said of the sentence's subject; 'killed or maimed' is casualties
    ("The number of terrorist attacks continued to decline in 2018, falling by 29 percent from the previous year.", "2019-01-06",
     {(2018, "PAK", "all", "attacks_change_pct", -29, None)}),
    ("The conflict killed or maimed 10,450 civilians in 2017.", "2018-02-15", {(2017, "PAK", "all", "casualties_civilians", 10450, None)}),
    # a subject listing every kind of perpetrator, the generic one first, is all of them
    ("Militants, nationalist insurgents and violent sectarian groups carried out 262 attacks in 2018, which claimed 595 lives.",
     "2019-01-06", {(2018, "PAK", "all", "attacks", 262, None), (2018, "PAK", "all", "killed", 595, None)}),
    # the subject that suffered the deaths is their victim; two victim types at once are no metric
    ("Civilians and soldiers together suffered 1,430 fatalities in 2022, while outlaws lost 810.", "2023-01-02",
     {(2022, "PAK", "all", "killed_militants", 810, None)}),
    # a place in a later clause with its own subject is not the number's place
    ("Terrorism claimed 1,830 lives in 2016, with Balochistan accounting for 600 of them.", "2017-01-02",
     {(2016, "PAK", "all", "killed", 1830, None)}),
    # 'puts X at N'
    ("The monitor puts violence-related deaths in 2020 at 1,212, compared with 980 in 2019.", "2021-01-02",
     {(2020, "PAK", "all-violence", "killed", 1212, None), (2019, "PAK", "all-violence", "killed", 980, None)}),
    # totals said to combine attacks with the state's operations
    ("The think tank logged 2,310 violence-linked deaths across the country in 2023.", "2024-01-02",
     {(2023, "PAK", "all-violence", "killed", 2310, None)}),
    ("Insurgent attacks and the army's counterinsurgency operations left 1,800 people dead in 2016.", "2017-01-04",
     {(2016, "PAK", "all-violence", "killed", 1800, None)}),
    ("Its tally, which combines militant attacks with security operations, reached 940 incidents in 2014.", "2015-01-04",
     {(2014, "PAK", "all-violence", "incidents", 940, None)}),
    # attacks counted as times or occasions; drone strikes over Pakistan are American
    ("Suicide bombers struck 41 times in 2012, killing 620 people.", "2013-01-03",
     {(2012, "PAK", "all", "suicide_attacks", 41, None), (2012, "PAK", "all", "suicide_killed", 620, None)}),
    ("US drones hit targets in the tribal belt on 72 occasions in 2011, killing about 480 people.", "2012-01-04",
     {(2011, "PAK", "us-forces", "attacks", 72, None), (2011, "PAK", "us-forces", "killed", 480, None)}),
    ("In 2012, 46 drone strikes killed 310 people.", "2013-01-04",
     {(2012, "PAK", "us-forces", "attacks", 46, None), (2012, "PAK", "us-forces", "killed", 310, None)}),
    # attacks no group claimed; harm neither side was blamed for
    ("In 2021, 95 attacks went unclaimed.", "2022-01-04", {(2021, "PAK", "unknown-militants", "attacks", 95, None)}),
    # attribution: whose the figures are comes after them
    ("The institute attributed 140 of the 2017 attacks to the TTP, 55 to Baloch separatists and 9 to Daesh.", "2018-01-03",
     {(2017, "PAK", "ttp", "attacks", 140, None), (2017, "PAK", "nationalist-insurgents", "attacks", 55, None),
      (2017, "PAK", "islamic-state", "attacks", 9, None)}),
    # a breakdown opened by its total's noun; a part of the total taken by a claimant
    ("Among the dead in 2020 were 190 soldiers, 240 civilians and 35 militants.", "2021-01-04",
     {(2020, "PAK", "all", "killed_security", 190, None), (2020, "PAK", "all", "killed_civilians", 240, None),
      (2020, "PAK", "all", "killed_militants", 35, None)}),
    ("In 2013, 51 of the attacks were sectarian.", "2014-01-04", {(2013, "PAK", "sectarian", "attacks", 51, None)}),
    ("Terrorists carried out 700 attacks in 2012. Lashkar-e-Jhangvi claimed 31 of these sectarian attacks.", "2013-01-04",
     {(2012, "PAK", "all", "attacks", 700, None), (2012, "PAK", "lashkar-e-jhangvi", "attacks", 31, None)}),
    # 'it' after a sentence naming the group; the state's operations counted with the attacks
    ("The TTP remained the most active group. It carried out 260 attacks in 2019.", "2020-01-04",
     {(2019, "PAK", "ttp", "attacks", 260, None)}),
    ("Terrorist attacks and the army's counter-terrorism operations killed 940 people in 2016.", "2017-01-04",
     {(2016, "PAK", "all-violence", "killed", 940, None)}),
    ("The portal counts militant attacks and the operations of the security forces alike. Such violence killed 3,120 people "
     "in 2015.", "2016-01-04", {(2015, "PAK", "all-violence", "killed", 3120, None)}),
    # the parts of a total in brackets; a group that names the dead; a group that had fighters
    ("IS was blamed for 1,310 (420 deaths and 890 injured) in 2017.", "2018-02-15",
     {(2017, "PAK", "islamic-state", "casualties", 1310, None), (2017, "PAK", "islamic-state", "killed", 420, None),
      (2017, "PAK", "islamic-state", "injured", 890, None)}),
    ("Government troops killed over 7,000 Taliban fighters in operations in 2019.", "2020-01-04",
     {(2019, "PAK", "security-forces", "killed_militants", 7000, None)}),
    # the same metrics for another year; victims first and their noun after 'respectively'
    ("Of those killed in 2016, 900 were civilians and 310 soldiers; the corresponding figures for 2015 were 1,100 and 340.",
     "2017-01-04",
     {(2016, "PAK", "all", "killed_civilians", 900, None), (2016, "PAK", "all", "killed_security", 310, None),
      (2015, "PAK", "all", "killed_civilians", 1100, None), (2015, "PAK", "all", "killed_security", 340, None)}),
    ("In 2018, civilians and soldiers accounted for 620 and 480 of the deaths respectively.", "2019-01-04",
     {(2018, "PAK", "all", "killed_civilians", 620, None), (2018, "PAK", "all", "killed_security", 480, None)}),
    # a filing date is not a month's figure; a rise with its own percent before 'from'
    ("Peshawar, January 4, 2021 – Terrorist attacks rose 12% to 410 in 2020, up 12% from 366 the year before.", "2021-01-04",
     {(2020, "PAK", "all", "attacks_change_pct", 12, None), (2020, "PAK", "all", "attacks", 410, None),
      (2019, "PAK", "all", "attacks", 366, None)}),
    # what state forces did: kills after 'actions against militants', losses in their operations
    ("In 2022 security forces carried out 640 raids against militants, killing 1,150 of them.", "2023-01-04",
     {(2022, "PAK", "security-forces", "operations", 640, None), (2022, "PAK", "security-forces", "killed_militants", 1150, None)}),
    ("In 2019, 140 soldiers were killed in those operations.", "2020-01-04",
     {(2019, "PAK", "security-forces", "killed_security", 140, None)}),
    # a baseline after counts of two kinds: which one it compares is unclear
    ("In 2019 there were 17 suicide bombings, which killed 210 people, down from 23 the year before.", "2020-01-03",
     {(2019, "PAK", "all", "suicide_attacks", 17, None), (2019, "PAK", "all", "suicide_killed", 210, None)}),
    # a victim type as the subject 'with N deaths'; 'such' after a kind named earlier in the sentence
    ("In 2020, soldiers were the hardest-hit group with 410 deaths.", "2021-01-04",
     {(2020, "PAK", "all", "killed_security", 410, None)}),
    ("Suicide bombings became rarer, with three such attacks in 2021.", "2022-01-04",
     {(2021, "PAK", "all", "suicide_attacks", 3, None)}),
    # 'from the N recorded last year'
    ("Militants carried out 940 attacks in the outgoing year, up 14pc from the 825 recorded last year.", "2023-12-30",
     {(2023, "PAK", "all", "attacks", 940, None), (2023, "PAK", "all", "attacks_change_pct", 14, None),
      (2022, "PAK", "all", "attacks", 825, None)}),
    # a list of every kind of attack is all of them; 'rose, by N per cent'
    ("The country suffered 1,740 terrorist, nationalist and sectarian attacks in 2010.", "2011-01-04",
     {(2010, "PAK", "all", "attacks", 1740, None)}),
    ("Civilian and SF deaths rose, by 20 per cent and 31 per cent, respectively, in 2012.", "2013-01-04",
     {(2012, "PAK", "all", "killed_civilians_change_pct", 20, None), (2012, "PAK", "all", "killed_security_change_pct", 31, None)}),
    # violence of every kind listed, with groups among the kinds, is a combined total
    ("In 2012 violence of every kind, from suicide bombings to army operations and US drone strikes, killed 9,100 people.",
     "2013-01-04", {(2012, "PAK", "all-violence", "killed", 9100, None)}),
    # a reporting day is not the day of the events; a toll over three years; a count that doubled from one year to the next
    ("The mission said on Monday that 2,900 civilians were killed in 2021.", "2022-02-01",
     {(2021, "PAK", "all", "killed_civilians", 2900, None)}),
    ("The toll stood at 640 in 2017, 700 in 2018 and 910 in 2019.", "2020-01-04",
     {(2017, "PAK", "all", "killed", 640, None), (2018, "PAK", "all", "killed", 700, None), (2019, "PAK", "all", "killed", 910, None)}),
    ("Deaths caused by the TTP more than doubled, from 180 in 2016 to 390 in 2017.", "2018-01-04",
     {(2016, "PAK", "ttp", "killed", 180, None), (2017, "PAK", "ttp", "killed", 390, None)}),
    # victims who accounted for part of the dead
    ("In 2016, civilians accounted for 610 of the dead.", "2017-01-04", {(2016, "PAK", "all", "killed_civilians", 610, None)}),
    # a month before a colon sets the scene of another clause
    ("Violence ebbed after the ceasefire in June 2020: terrorist attacks declined by 30% in 2021.", "2022-01-04",
     {(2021, "PAK", "all", "attacks_change_pct", -30, None)}),
    ("The Taliban's return changed little for Pakistan: terrorist attacks rose by 27% in 2022.", "2023-01-04",
     {(2022, "PAK", "all", "attacks_change_pct", 27, None)}),
    # a gapped change without 'by'; 'up only N percent'
    ("In 2018 attacks fell 22 percent and deaths 35 percent.", "2019-01-04",
     {(2018, "PAK", "all", "attacks_change_pct", -22, None), (2018, "PAK", "all", "killed_change_pct", -35, None)}),
    ("In 2017, injuries were up only 2.5 percent.", "2018-01-04", {(2017, "PAK", "all", "injured_change_pct", 2.5, None)}),
    # a group that left its dead; a claimant in a 'most of them' aside is not the subject; dead or injured together
    ("Sectarian violence left 190 people dead in 2013.", "2014-01-04", {(2013, "PAK", "sectarian", "killed", 190, None)}),
    ("In 2016 suicide attacks, most of them claimed by IS, left 1,900 civilians dead or injured.", "2017-02-04",
     {(2016, "PAK", "all", "suicide_casualties", 1900, None)}),
    # the victims a breakdown names after its head noun; losses by tactic inside a clause of their own
    ("Among those killed in the attacks in 2010 were 1,200 civilians and 45 members of pro-government tribal lashkars.", "2011-01-04",
     {(2010, "PAK", "all", "killed_civilians", 1200, None), (2010, "PAK", "all", "killed_progov", 45, None)}),
    ("The TTP caused 900 casualties in 2015, with roadside bombs alone accounting for 400 of them.", "2016-01-04",
     {(2015, "PAK", "ttp", "casualties", 900, None)}),
    # a record 'since <year>' is no baseline of the change; 'from N in <year> to M last year'
    ("Attacks rose 18pc in 2021, making it the deadliest year since 2013.", "2022-01-04",
     {(2021, "PAK", "all", "attacks_change_pct", 18, None)}),
    ("The index said the number of attacks more than doubled, from 240 in 2020 to 510 last year.", "2022-03-04",
     {(2020, "PAK", "all", "attacks", 240, None), (2021, "PAK", "all", "attacks", 510, None)}),
    ("Civilian deaths rose 9 percent last year to 3,100.", "2017-02-04",
     {(2016, "PAK", "all", "killed_civilians_change_pct", 9, None), (2016, "PAK", "all", "killed_civilians", 3100, None)}),
    # an abbreviation's full stop does not end the subject; 'were linked to', 'carrying out'
    ("Pro-government forces, including U.S. and NATO troops, killed 410 civilians in 2012.", "2013-02-04",
     {(2012, "PAK", "pro-government-forces", "killed_civilians", 410, None)}),
    ("In 2014 the BLA, including its urban cells, was linked to 160 deaths.", "2015-01-04",
     {(2014, "PAK", "nationalist-insurgents", "killed", 160, None)}),
    ("The TTP stayed the main perpetrator in 2016, carrying out 300 attacks.", "2017-01-04",
     {(2016, "PAK", "ttp", "attacks", 300, None)}),
    ("Terror-related violence, which includes militants killed in operations, claimed 1,650 lives in 2014.", "2015-01-04",
     {(2014, "PAK", "all-violence", "killed", 1650, None)}),
    # a group the vocabulary lacks, in a clause of its own after a semicolon
    ("The TTP and its affiliates were behind 390 attacks in 2023; the Hafiz Gul Bahadur group claimed 35.", "2024-01-04",
     {(2023, "PAK", "ttp", "attacks", 390, None)}),
    # a change between two consecutive years is the later year's
    ("The decline in terrorist attacks between 2016 and 2017 amounted to 21 per cent.", "2018-06-01",
     {(2017, "PAK", "all", "attacks_change_pct", -21, None)}),
    # 'taking the number of X to N'
    ("In 2016 another 5,200 civilians were injured, taking the number of civilian casualties to 7,900.", "2017-02-06",
     {(2016, "PAK", "all", "injured_civilians", 5200, None), (2016, "PAK", "all", "casualties_civilians", 7900, None)}),
    # a series introduced by 'numbering': each value binds to the year after it
    ("The monitor's tally shows bomb attacks numbering 71 in 2015, 94 in 2016 and 58 in 2017.", "2018-01-05",
     {(2015, "PAK", "all", "attacks", 71, None), (2016, "PAK", "all", "attacks", 94, None), (2017, "PAK", "all", "attacks", 58, None)}),
    # 'N of the attacks were suicide bombings' after a sentence's total: suicide attacks of that total's year
    ("Militants carried out 240 attacks in 2019. Seven of the attacks were suicide bombings, against four in 2018.", "2023-01-05",
     {(2019, "PAK", "all", "attacks", 240, None), (2019, "PAK", "all", "suicide_attacks", 7, None),
      (2018, "PAK", "all", "suicide_attacks", 4, None)}),
    # an attribution whose noun and share aside come before 'to <group>'
    ("UNAMA attributed 5,210 civilian casualties, or 61 percent of the total, to anti-government elements in 2016, "
     "an increase of 9 percent.", "2017-02-10",
     {(2016, "AFG", "anti-government-elements", "casualties_civilians", 5210, None),
      (2016, "AFG", "anti-government-elements", "casualties_civilians_change_pct", 9, None)}),
    # 'N of them' with a verb: the victims the clause opened with; 'N of them were <victims>' after a count of the sentence
    ("Policemen were hit hardest in 2019: 210 of them were killed, an 18 percent rise.", "2020-01-04",
     {(2019, "PAK", "all", "killed_security", 210, None), (2019, "PAK", "all", "killed_security_change_pct", 18, None)}),
    ("Deaths from terrorism rose to 800 in 2019, and 300 of them were civilians.", "2020-01-04",
     {(2019, "PAK", "all", "killed", 800, None), (2019, "PAK", "all", "killed_civilians", 300, None)}),
    # ... while a total that only mentions such a group in an aside stays everyone's
    ("In total, militants carried out 300 attacks in 2022, including some by Lashkar-e-Islam.", "2023-01-04",
     {(2022, "PAK", "all", "attacks", 300, None)}),
    ("The TTP carried out 200 attacks in 2022, while Jundullah claimed 9.", "2023-01-04",
     {(2022, "PAK", "ttp", "attacks", 200, None)}),
    ("In 2022, the Pakistan Army killed 300 militants.", "2023-01-04",
     {(2022, "PAK", "security-forces", "killed_militants", 300, None)}),
    # a change verb said once for two items, the second after 'and <noun> by'
    ("In 2019 attacks fell by 14 percent and deaths by 6 percent.", "2020-01-04",
     {(2019, "PAK", "all", "attacks_change_pct", -14, None), (2019, "PAK", "all", "killed_change_pct", -6, None)}),
    # fighter strength: 'to field', 'operatives', and the only group the clause names before them
    ("The Haqqani Network, which runs its own training camps, was believed in 2019 to field between 2,000 and 4,000 fighters.",
     "2020-01-04", {(2019, "PAK", "haqqani-network", "fighters", 2000, 4000)}),
    ("Al-Qaeda's local branch, AQIS, was thought in 2019 to have 200 to 300 fighters.", "2020-01-04",
     {(2019, "PAK", "al-qaeda", "fighters", 200, 300)}),
    ("Monitors said in 2019 that al-Qaeda had between 300 and 500 operatives in the country.", "2020-01-04",
     {(2019, "PAK", "al-qaeda", "fighters", 300, 500)}),
    # the toll of 'the bombings' right after a count of suicide attacks is theirs
    ("Suicide attacks numbered 41 in 2012. These bombings killed 690 people and injured 1,300.", "2013-01-04",
     {(2012, "PAK", "all", "suicide_attacks", 41, None), (2012, "PAK", "all", "suicide_killed", 690, None),
      (2012, "PAK", "all", "suicide_injured", 1300, None)}),
    ("Militants carried out 410 attacks in 2012. These attacks killed 690 people.", "2013-01-04",
     {(2012, "PAK", "all", "attacks", 410, None), (2012, "PAK", "all", "killed", 690, None)}),
    # a cumulative scene before a colon is not the period of a figure whose clause states its year
    ("Violence has ebbed since the military operation began in 2014: attacks declined by 30 percent in 2016.", "2017-01-04",
     {(2016, "PAK", "all", "attacks_change_pct", -30, None)}),
    # bracketed counts after kinds of victims listed behind a toll
    ("Civilians were the main victims in 2019 with 410 deaths, followed by soldiers (280) and militants (150).", "2020-01-04",
     {(2019, "PAK", "all", "killed_civilians", 410, None), (2019, "PAK", "all", "killed_security", 280, None),
      (2019, "PAK", "all", "killed_militants", 150, None)}),
    # ... but a footnote mark after a clause with its own verb is no count
    ("In 2019 the army ran raids in which 310 militants were killed (12).", "2020-01-04",
     {(2019, "PAK", "security-forces", "killed_militants", 310, None)}),
    # two nouns of one kind of victims before the verb; two kinds in one number are no metric
    ("In 2019 at least 400 soldiers and police officers were killed.", "2020-01-04",
     {(2019, "PAK", "all", "killed_security", 400, None)}),
    # 'while N were <victims>' after a toll of the same sentence
    ("In 2019 civilians accounted for 300 of the dead, while 210 were soldiers.", "2020-01-04",
     {(2019, "PAK", "all", "killed_civilians", 300, None), (2019, "PAK", "all", "killed_security", 210, None)}),
    # a part said between the people counted and their verb; a record 'since' clause is no running total, its year no scope
    ("In 2019, 3,100 people, including 800 children, were killed in the conflict.", "2020-01-04",
     {(2019, "PAK", "all", "killed", 3100, None)}),
    ("More people died in 2017 than in any year since the monitor began its count in 2008, with 2,900 people, "
     "among them 700 children, losing their lives.", "2018-01-04", {(2017, "PAK", "all", "killed", 2900, None)}),
    # victims who 'bore the brunt, losing N men'
    ("Police and soldiers bore the brunt in 2021, losing 320 men, compared with 180 a year before.", "2022-01-04",
     {(2021, "PAK", "all", "killed_security", 320, None), (2020, "PAK", "all", "killed_security", 180, None)}),
    # 'from a peak of N in Y1 to N in Y2'; 'N were deaths'; 'Of those killed last year, ... N soldiers'
    ("Terrorism-related deaths have fallen from a peak of 3,100 in 2012 to about 700 in 2017.", "2018-01-05",
     {(2012, "PAK", "all", "killed", 3100, None), (2017, "PAK", "all", "killed", 700, None)}),
    ("The monitor logged 7,100 civilian casualties in 2020, of which 2,400 were deaths.", "2021-01-05",
     {(2020, "PAK", "all", "casualties_civilians", 7100, None), (2020, "PAK", "all", "killed_civilians", 2400, None)}),
    ("Of those killed last year, 300 were civilians, 250 soldiers and policemen, and 150 militants.", "2020-01-05",
     {(2019, "PAK", "all", "killed_civilians", 300, None), (2019, "PAK", "all", "killed_security", 250, None),
      (2019, "PAK", "all", "killed_militants", 150, None)}),
    # the noun of the trend verb's own clause, not of an opening phrase
    ("Combining both militant attacks and security operations, the overall death toll reached 1,300 in 2019, a 20 percent rise.",
     "2020-01-04", {(2019, "PAK", "all-violence", "killed", 1300, None), (2019, "PAK", "all-violence", "killed_change_pct", 20, None)}),
    # 'terror attacks and security operations' is a combined scope; 'It was linked to N attacks' is the group named before
    ("The monitor recorded 900 fatalities in 2019 from 410 incidents of violence, including terror attacks and security "
     "operations.", "2020-01-04",
     {(2019, "PAK", "all-violence", "killed", 900, None), (2019, "PAK", "all-violence", "incidents", 410, None)}),
    ("The TTP stayed the deadliest group in 2019. It was linked to 120 attacks that killed 260 people.", "2020-01-04",
     {(2019, "PAK", "ttp", "attacks", 120, None), (2019, "PAK", "ttp", "killed", 260, None)}),
    # a group right before the next number of a gapped list is that number's, not the first one's
    # ... and with the verb and noun said once, the second subject's own count
    ("In 2019 the Islamic State claimed 19 attacks, and the BLA nearly 35.", "2020-01-04",
     {(2019, "PAK", "islamic-state", "attacks", 19, None), (2019, "PAK", "nationalist-insurgents", "attacks", 35, None)}),
    ("Militants carried out 300 attacks in 2022. Fatalities in those attacks rose to 620.", "2023-02-01",
     {(2022, "PAK", "all", "attacks", 300, None), (2022, "PAK", "all", "killed", 620, None)}),
    # 'from N to M' with no years: N is the year before M's
    ("In 2015 militant deaths fell sharply, and soldiers' deaths declined from 410 to 290.", "2016-03-01",
     {(2014, "PAK", "all", "killed_security", 410, None), (2015, "PAK", "all", "killed_security", 290, None)}),
    # a second subject that 'recorded' the noun said before; a toll of the group's attacks named after it
    ("Afghanistan recorded 3,900 deaths from terrorism in 2016, while Pakistan recorded 950, a 27 percent fall.",
     "2017-11-15", {(2016, "PAK", "all", "killed", 950, None), (2016, "PAK", "all", "killed_change_pct", -27, None),
                    (2016, "AFG", "all", "killed", 3900, None)}),
    ("In 2019, at least 60 people were killed and 95 injured in 21 cross-border attacks.", "2020-01-04",
     {(2019, "PAK", "cross-border", "killed", 60, None), (2019, "PAK", "cross-border", "injured", 95, None),
      (2019, "PAK", "cross-border", "attacks", 21, None)}),
    # an abbreviation in brackets inside the victims' noun phrase
    ("The toll of 2016 was 1,100 fatalities, including 410 civilians, 250 Security Force (SF) personnel and 440 militants.",
     "2017-03-01", {(2016, "PAK", "all", "killed", 1100, None), (2016, "PAK", "all", "killed_civilians", 410, None),
                    (2016, "PAK", "all", "killed_security", 250, None), (2016, "PAK", "all", "killed_militants", 440, None)}),
    # 'respectively' pairing values with the years named before them
    ("The monitor counted 9,000 fatalities in 2009; the totals for 2010 and 2011 were 7 100 and 6 000 respectively.",
     "2012-03-01", {(2009, "PAK", "all", "killed", 9000, None), (2010, "PAK", "all", "killed", 7100, None),
                    (2011, "PAK", "all", "killed", 6000, None)}),
    ("Militant attacks in 2014 and 2015 numbered 1,200 and 700 respectively.", "2016-01-04",
     {(2014, "PAK", "all", "attacks", 1200, None), (2015, "PAK", "all", "attacks", 700, None)}),
    # a sentence whose subject is a change between two years refers to the count before it
    ("Fatalities from violence totalled 4,100 in 2016. The decline between 2015 and 2016 amounts to 18 per cent.", "2017-03-01",
     {(2016, "PAK", "all", "killed", 4100, None), (2016, "PAK", "all", "killed_change_pct", -18, None)}),
    # 'the corresponding total for <year>' is the previous sentence's total in that year
    ("The portal counted 5,100 fatalities in terrorism-related violence in 2013. The corresponding total for 2012 stood at "
     "6,000, and the fall amounts to 15 per cent.", "2014-03-01",
     {(2013, "PAK", "all", "killed", 5100, None), (2012, "PAK", "all", "killed", 6000, None)}),
    # a record count after a colon: 'the highest number of <noun> since <year>: N'
    ("The monitor logged the highest number of casualties from suicide attacks since 2011: 1,900, an increase of 12 per cent "
     "compared with 2016.", "2018-02-01",
     {(2017, "PAK", "all", "suicide_casualties", 1900, None), (2017, "PAK", "all", "suicide_casualties_change_pct", 12, None)}),
    # 'out of N attacks' is a total, not an index scale; its part 'were suicide bombings'
    ("Out of 280 attacks in 2019, 17 were suicide bombings.", "2020-01-04",
     {(2019, "PAK", "all", "attacks", 280, None), (2019, "PAK", "all", "suicide_attacks", 17, None)}),
    # a part inside an aside shares the verb after it; a value 'at N' after a change
    ("A total of 900 people, including 410 civilians, lost their lives in 2017.", "2018-01-04",
     {(2017, "PAK", "all", "killed", 900, None), (2017, "PAK", "all", "killed_civilians", 410, None)}),
    ("Deaths were down 22pc year-on-year at 640.", "2019-01-04",
     {(2018, "PAK", "all", "killed_change_pct", -22, None), (2018, "PAK", "all", "killed", 640, None)}),
    ("Speaking in Islamabad, Amir Rana said militants carried out 300 attacks in 2022.", "2023-01-04",
     {(2022, "PAK", "all", "attacks", 300, None)}),
    # the press's words for deaths: martyrdom, lives laid down; militants 'neutralised' by state forces
    ("In 2021, as many as 390 soldiers embraced martyrdom in the line of duty.", "2022-01-04",
     {(2021, "PAK", "all", "killed_security", 390, None)}),
    ("In 2021, some 210 policemen laid down their lives.", "2022-01-04", {(2021, "PAK", "all", "killed_security", 210, None)}),
    ("In 2021, 170 personnel of law enforcement agencies were martyred.", "2022-01-04",
     {(2021, "PAK", "all", "killed_security", 170, None)}),
    ("In 2021, 720 terrorists were neutralised and 900 apprehended.", "2022-01-04",
     {(2021, "PAK", "security-forces", "killed_militants", 720, None)}),
    ("Security forces eliminated 430 terrorists during 2021.", "2022-01-04",
     {(2021, "PAK", "security-forces", "killed_militants", 430, None)}),
    # a named military operation is the state's, not an unknown group
    ("Operation Zarb-e-Azb killed 3,500 militants in 2015.", "2016-01-04",
     {(2015, "PAK", "security-forces", "killed_militants", 3500, None)}),
    # the author of attacks of a kind; attacks no one claimed
    ("LeJ was behind 12 sectarian attacks in 2022.", "2023-01-04", {(2022, "PAK", "lashkar-e-jhangvi", "attacks", 12, None)}),
    ("Of the 300 attacks in 2022, 40 were unclaimed.", "2023-01-04",
     {(2022, "PAK", "all", "attacks", 300, None), (2022, "PAK", "unknown-militants", "attacks", 40, None)}),
    # injuries 'sustained' or 'received'
    ("In 2020, 690 people sustained injuries in terrorist attacks.", "2021-01-04", {(2020, "PAK", "all", "injured", 690, None)}),
    ("Militant groups including Lashkar-e-Islam carried out a total of 300 attacks in 2022.", "2023-01-04",
     {(2022, "PAK", "all", "attacks", 300, None)}),
    ("Militant outfits like Jundullah and Lashkar-e-Islam carried out 300 attacks in 2022.", "2023-01-04",
     {(2022, "PAK", "all", "attacks", 300, None)}),
    # 'respectively' with the noun after the last value: groups or victims named before, one per value
    ("In 2021, the TTP and Baloch insurgents carried out 90 and 75 attacks respectively.", "2022-01-04",
     {(2021, "PAK", "ttp", "attacks", 90, None), (2021, "PAK", "nationalist-insurgents", "attacks", 75, None)}),
    ("In 2021, civilians, soldiers and militants accounted for 110, 170 and 40 deaths respectively.", "2022-01-04",
     {(2021, "PAK", "all", "killed_civilians", 110, None), (2021, "PAK", "all", "killed_security", 170, None),
      (2021, "PAK", "all", "killed_militants", 40, None)}),
    # a label with its year in brackets before the colon
    ("Attacks (2019): 229; deaths: 357.", "2020-01-04",
     {(2019, "PAK", "all", "attacks", 229, None), (2019, "PAK", "all", "killed", 357, None)}),
    ("Militants carried out 620 attacks on security forces and civilians in 2023.", "2024-01-04",
     {(2023, "PAK", "all", "attacks", 620, None)}),
    # a count said to add militants killed in operations to the victims of attacks combines both
    ("The database counted 1,480 fatalities in 2016, a figure that adds the militants killed in army operations to the victims "
     "of terrorism.", "2017-01-02", {(2016, "PAK", "all-violence", "killed", 1480, None)}),
    ("The database counted 1,480 fatalities in terrorist violence in 2016.", "2017-01-02", {(2016, "PAK", "all", "killed", 1480, None)}),
    # a relative clause of change is about the noun right before it
    ("In 2018 the decline was driven by civilian deaths, which dropped by 22 percent.", "2019-01-02",
     {(2018, "PAK", "all", "killed_civilians_change_pct", -22, None)}),
    ("A decline of 15 percent in the number of terrorist attacks was recorded in 2018.", "2019-01-02",
     {(2018, "PAK", "all", "attacks_change_pct", -15, None)}),
    # the toll paired with 'such' suicide attacks in a comparison is a suicide toll
    ("Militants staged 20 suicide attacks in 2017 that killed 300 people, up from 15 such attacks and 210 deaths in 2016.",
     "2018-01-02", {(2017, "PAK", "all", "suicide_attacks", 20, None), (2017, "PAK", "all", "suicide_killed", 300, None),
                    (2016, "PAK", "all", "suicide_attacks", 15, None), (2016, "PAK", "all", "suicide_killed", 210, None)}),
    ("Militants staged 20 attacks in 2017 that killed 300 people, up from 15 such attacks and 210 deaths in 2016.",
     "2018-01-02", {(2017, "PAK", "all", "attacks", 20, None), (2017, "PAK", "all", "killed", 300, None),
                    (2016, "PAK", "all", "attacks", 15, None), (2016, "PAK", "all", "killed", 210, None)}),
    # a monitor's political violence events take in clashes and raids: incidents of all violence; bare 'events' after
    # them are the same kind
    ("The dataset logged 2,900 political violence events in 2023, a 12% rise from the 2,590 events of 2022.", "2024-01-20",
     {(2023, "PAK", "all-violence", "incidents", 2900, None), (2023, "PAK", "all-violence", "incidents_change_pct", 12, None),
      (2022, "PAK", "all-violence", "incidents", 2590, None)}),
    # attacks from a neighbour's territory happened in the report's country; years 'combined' are no combined scope
    ("In 2022 the monitor logged 80 cross-border attacks from Afghan territory on border posts, more than in the two previous "
     "years combined.", "2023-01-04", {(2022, "PAK", "cross-border", "attacks", 80, None)}),
    # attacks attributed 'to the group': the group named before
    ("The Pakistani Taliban were again the deadliest group in 2021. The dataset attributes 300 attacks to the group in 2021.",
     "2022-01-04", {(2021, "PAK", "ttp", "attacks", 300, None)}),
    # a strength estimated in a month is the strength of that month's year, whoever 'retains' it
    ("A UN team estimated in June 2021 that the TTP retains about 4,000 fighters.", "2024-01-04",
     {(2021, "PAK", "ttp", "fighters", 4000, None)}),
    # soldiers lost 'in its operations' are the state's losses; US drone attacks are US strikes, and a baseline
    # 'against only seven such strikes in the preceding year' is the year before
    ("In 2021 the army lost 140 soldiers in its counter-insurgency operations.", "2022-01-05",
     {(2021, "PAK", "security-forces", "killed_security", 140, None)}),
    ("The monitor counted 40 US drone attacks in 2011, against only seven such strikes in the preceding year.", "2012-01-05",
     {(2011, "PAK", "us-forces", "attacks", 40, None), (2010, "PAK", "us-forces", "attacks", 7, None)}),
    # shelling and firing from across a border are cross-border attacks
    ("In 2016 there were 25 incidents of cross-border shelling from India.", "2017-01-05",
     {(2016, "PAK", "cross-border", "attacks", 25, None)}),
    # the city a report was presented in, or its monitor sits in, is not where its figures happened
    ("A think tank in Islamabad said militants carried out 300 attacks in 2022.", "2023-01-05",
     {(2022, "PAK", "all", "attacks", 300, None)}),
    ("The Islamabad think tank said militants carried out 300 attacks in 2022.", "2023-01-05",
     {(2022, "PAK", "all", "attacks", 300, None)}),
    ("The report, launched in Islamabad on Monday, said militants carried out 300 attacks in 2022.", "2023-01-05",
     {(2022, "PAK", "all", "attacks", 300, None)}),
    ("Speaking at a news conference in Lahore, the director said militants carried out 210 attacks in 2016.", "2017-01-05",
     {(2016, "PAK", "all", "attacks", 210, None)}),
    # 'the group has N fighters': the group named before; an apposition between a group and 'had' keeps it the owner
    ("The Islamic State claimed 40 attacks in 2018. Officials estimate the group has about 1,500 fighters.", "2019-01-05",
     {(2018, "PAK", "islamic-state", "attacks", 40, None), (2018, "PAK", "islamic-state", "fighters", 1500, None)}),
    ("The Haqqani network, the most feared faction, had about 8,000 fighters in 2018.", "2019-01-05",
     {(2018, "PAK", "haqqani-network", "fighters", 8000, None)}),
    # 'another N wounded' are more of the victims just counted; 'N more' is an addition, not a figure
    ("In 2018, 1,000 militants were killed and another 300 wounded in operations by security forces.", "2019-01-05",
     {(2018, "PAK", "security-forces", "killed_militants", 1000, None), (2018, "PAK", "security-forces", "injured_militants", 300, None)}),
    ("The TTP had 5,000 fighters in 2018, with tens of thousands more sympathisers.", "2019-01-05",
     {(2018, "PAK", "ttp", "fighters", 5000, None)}),
    # a toll 'in such attacks' after a count of suicide attacks is their toll
    ("Suicide bombings numbered 40 in 2018. About 700 people were killed in such attacks.", "2019-01-05",
     {(2018, "PAK", "all", "suicide_attacks", 40, None), (2018, "PAK", "all", "suicide_killed", 700, None)}),
    ("Militants carried out 400 attacks in 2018. About 700 people were killed in such attacks.", "2019-01-05",
     {(2018, "PAK", "all", "attacks", 400, None), (2018, "PAK", "all", "killed", 700, None)}),
    # 'were members of the national army' names security victims; a complement that names other people is no metric
    ("In 2018, 900 people were killed. Of these, 500 were militants, 250 were members of the national army and 150 were civilians.",
     "2019-01-05", {(2018, "PAK", "all", "killed", 900, None), (2018, "PAK", "all", "killed_militants", 500, None),
                    (2018, "PAK", "all", "killed_security", 250, None), (2018, "PAK", "all", "killed_civilians", 150, None)}),
    ("In 2018, 900 people were killed in attacks. Of these, 250 were members of a wedding party.", "2019-01-05",
     {(2018, "PAK", "all", "killed", 900, None)}),
    # 'killed between N and M people'; a range inside a comparison keeps the comparison's year
    ("Drone strikes killed between 300 and 500 people in 2012, compared with 200 to 400 the year before.", "2013-01-05",
     {(2012, "PAK", "us-forces", "killed", 300, 500), (2011, "PAK", "us-forces", "killed", 200, 400)}),
    ("Attacks fell from 500 in 2011 to 400 in 2012.", "2013-01-05",
     {(2011, "PAK", "all", "attacks", 500, None), (2012, "PAK", "all", "attacks", 400, None)}),
    # 'N of them' with no sentence before: the sentence's own noun
    ("Suicide bombings rose sharply in 2012: the monitor records 45 of them.", "2013-01-05",
     {(2012, "PAK", "all", "suicide_attacks", 45, None)}),
    # a name after the count with its own verb is the subject of the next count, not a group in the counted phrase
    ("In 2021 Baloch insurgent groups claimed 30 attacks, and the Islamic State claimed only three attacks.", "2022-01-05",
     {(2021, "PAK", "nationalist-insurgents", "attacks", 30, None), (2021, "PAK", "islamic-state", "attacks", 3, None)}),
    ("In 2021 a total of 90 cross-border attacks killed 120 people.", "2022-01-05",
     {(2021, "PAK", "cross-border", "attacks", 90, None), (2021, "PAK", "cross-border", "killed", 120, None)}),
    # 'these six attacks' points back at a count said before: no new figure, but their toll is the suicide toll
    ("Only six suicide attacks took place in 2020. These six attacks killed 40 people.", "2021-01-05",
     {(2020, "PAK", "all", "suicide_attacks", 6, None), (2020, "PAK", "all", "suicide_killed", 40, None)}),
    # a year inside a relative clause about something else is not the figure's year
    ("Suicide bombings, which had become rare after 2015, are back: the monitor counted 20 suicide attacks last year.", "2020-01-05",
     {(2019, "PAK", "all", "suicide_attacks", 20, None)}),
    ("In 2018, which was an election year, militants carried out 90 attacks.", "2020-01-05", {(2018, "PAK", "all", "attacks", 90, None)}),
    # 'fell to N from M' with thousands separators: M is the year before's
    ("In 2016 the number of people injured in attacks fell to 1,871 from 2,409.", "2017-01-05",
     {(2016, "PAK", "all", "injured", 1871, None), (2015, "PAK", "all", "injured", 2409, None)}),
    # a labelled share of the dead is the part its subject names
    ("In 2016 militants and insurgents made up the largest share of the dead: 1,380.", "2017-01-05",
     {(2016, "PAK", "all", "killed_militants", 1380, None)}),
    # 'Baloch nationalist groups' are nationalist insurgents; 'those attacks' after a semicolon are the attacks just counted
    ("Baloch nationalist groups, mainly the BLA, carried out 300 attacks in 2012; those attacks killed 200 people.", "2013-01-05",
     {(2012, "PAK", "nationalist-insurgents", "attacks", 300, None), (2012, "PAK", "nationalist-insurgents", "killed", 200, None)}),
    # 'the group and its affiliates': the group named before, unless the sentence before names two
    ("The Pakistani Taliban stepped up violence in 2022. The group and its affiliates carried out 90 attacks in 2022.", "2023-01-05",
     {(2022, "PAK", "ttp", "attacks", 90, None)}),
    # 'N of the year's attacks'
    ("In 2022 religiously inspired militant groups accounted for 150 of the year's attacks.", "2023-01-05",
     {(2022, "PAK", "religious-militants", "attacks", 150, None)}),
    # a long phrase put 'at N', combining attacks 'and in' operations; 'N of those killed were <victims>'
    ("In 2022 the monitor put the overall number of people killed in militant attacks and in counter-terrorism operations "
     "across the country at 980.", "2023-01-05", {(2022, "PAK", "all-violence", "killed", 980, None)}),
    ("In 2022 the monitor put the number of people killed in militant violence and counter-insurgency operations at 980. "
     "It said 300 of those killed were security personnel.", "2023-01-05",
     {(2022, "PAK", "all-violence", "killed", 980, None), (2022, "PAK", "all-violence", "killed_security", 300, None)}),
    # an index named as the source that counted is no score
    ("The index logged 900 attacks in the country in 2022.", "2023-01-05", {(2022, "PAK", "all", "attacks", 900, None)}),
    # places in an aside on where the subject was concentrated are not the figure's
    ("Sectarian violence, concentrated in Kurram and Hangu, accounted for 50 attacks in 2022.", "2023-01-05",
     {(2022, "PAK", "sectarian", "attacks", 50, None)}),
    # every kind of perpetrator 'between them' is all; 'maimed' is injured
    ("In 2012 militants, Baloch insurgents and sectarian groups between them struck 1,500 times.", "2013-01-05",
     {(2012, "PAK", "all", "attacks", 1500, None)}),
    ("In 2012 suicide bombings killed 400 people and maimed 900.", "2013-01-05",
     {(2012, "PAK", "all", "suicide_killed", 400, None), (2012, "PAK", "all", "suicide_injured", 900, None)}),
    # a founding month in an apposition is not the figure's period
    ("The Lashkar-e-Jhangvi, the outfit formed in March 1996, carried out 40 attacks in 2012.", "2013-01-05",
     {(2012, "PAK", "lashkar-e-jhangvi", "attacks", 40, None)}),
    # a border's name ("the Line of Control") is no armed group's
    ("In 2016 the report noted 20 incidents of cross-border firing along the Durand Line and the Line of Control, which killed "
     "50 people.", "2017-01-05", {(2016, "PAK", "cross-border", "attacks", 20, None), (2016, "PAK", "cross-border", "killed", 50, None)}),
    # 'the corresponding figures for 2019 were N incidents and M deaths': each its own noun, the group of the sentence
    # before's count of that noun; a noun the sentence before did not count leaves the pair unread
    ("Counting attacks and security operations together, there were 500 violent incidents in 2020 in which 700 people were "
     "killed. The corresponding figures for 2019 were 450 incidents and 650 deaths.", "2021-01-05",
     {(2020, "PAK", "all-violence", "incidents", 500, None), (2020, "PAK", "all-violence", "killed", 700, None),
      (2019, "PAK", "all-violence", "incidents", 450, None), (2019, "PAK", "all-violence", "killed", 650, None)}),
    ("Militants carried out 300 attacks in 2020. The corresponding figures for 2019 were 280 attacks and 650 deaths.", "2021-01-05",
     {(2020, "PAK", "all", "attacks", 300, None)}),
    # security forces named as the ones who suffered are the dead soldiers, not the perpetrator
    ("The monitor says 2021 was the worst year for the security forces in a decade, with at least 500 soldiers and policemen killed.",
     "2022-01-05", {(2021, "PAK", "all", "killed_security", 500, None)}),
    # a year, a dash and a percentage are no year span
    ("Attacks rose in 2018 - 63 per cent more than the year before.", "2020-01-05",
     {(2018, "PAK", "all", "attacks_change_pct", 63, None)}),
    # a second subject and number with the verb and noun said once; a count restating a share
    ("In 2019 IS-K claimed 22 attacks, and the BLF nearly 40.", "2020-01-05",
     {(2019, "PAK", "islamic-state", "attacks", 22, None), (2019, "PAK", "nationalist-insurgents", "attacks", 40, None)}),
    ("In 2019 IS-K claimed 22 attacks and the police 40.", "2020-01-05", {(2019, "PAK", "islamic-state", "attacks", 22, None)}),
    ("In 2019 the Islamic State caused 4 percent of the deaths, or 210 people.", "2020-01-05",
     {(2019, "PAK", "islamic-state", "killed", 210, None)}),
    # ', or by N per cent' restates the change the verb said; ', or about N per cent' is a share
    ("In 2016 the number of people injured in attacks fell to 1,800 from 2,400, or by 25 per cent.", "2017-01-05",
     {(2016, "PAK", "all", "injured", 1800, None), (2015, "PAK", "all", "injured", 2400, None),
      (2016, "PAK", "all", "injured_change_pct", -25, None)}),
    ("In 2016 militants made up the largest share of the dead: 1,300, or about 50 per cent.", "2017-01-05",
     {(2016, "PAK", "all", "killed_militants", 1300, None)}),
    # the items of a breakdown list each with a number, the last one's in words
    ("Of the 400 injured in 2020, there were 150 soldiers, 230 civilians and twenty militants.", "2021-01-05",
     {(2020, "PAK", "all", "injured", 400, None), (2020, "PAK", "all", "injured_security", 150, None),
      (2020, "PAK", "all", "injured_civilians", 230, None), (2020, "PAK", "all", "injured_militants", 20, None)}),
    # a list of victims after 'among', security forces included, paired with the values 'respectively'
    ("Compared to 2015, fatalities among civilians and security forces dropped by 38pc and 35pc respectively.", "2017-01-05",
     {(2016, "PAK", "all", "killed_civilians_change_pct", -38, None), (2016, "PAK", "all", "killed_security_change_pct", -35, None)}),
    # a count dated 'last year' that a later change stated for that same year starts from: its year cannot be told
    ("Last year, the monitor had recorded 2,900 civilian deaths, meaning that the number of civilians killed fell by 6 percent "
     "in 2019.", "2020-01-05", {(2019, "PAK", "all", "killed_civilians_change_pct", -6, None)}),
    ("Last year, militants carried out 300 attacks, 10 percent fewer than in 2018.", "2020-01-05",
     {(2019, "PAK", "all", "attacks", 300, None), (2019, "PAK", "all", "attacks_change_pct", -10, None)}),
    # 'such attacks' repeats the kind before it: the toll after a baseline of "such attacks" is still the suicide toll
    ("It counted 30 suicide attacks in 2019, down from 45 such attacks a year earlier, but they still killed 300 people.",
     "2020-01-05",
     {(2019, "PAK", "all", "suicide_attacks", 30, None), (2018, "PAK", "all", "suicide_attacks", 45, None),
      (2019, "PAK", "all", "suicide_killed", 300, None)}),
    ("It counted 30 attacks in 2019, down from 45 such attacks a year earlier, but they still killed 300 people.", "2020-01-05",
     {(2019, "PAK", "all", "attacks", 30, None), (2018, "PAK", "all", "attacks", 45, None), (2019, "PAK", "all", "killed", 300, None)}),
    # a part "of the attacks" is of the year the sentence before reports, not of the baseline it compared with
    ("The monitor recorded 900 attacks in 2019. It counted 30 suicide attacks during the year, down from 45 such attacks "
     "a year earlier. The TTP carried out 500 of the attacks, according to the report.", "2020-01-05",
     {(2019, "PAK", "all", "attacks", 900, None), (2019, "PAK", "all", "suicide_attacks", 30, None),
      (2018, "PAK", "all", "suicide_attacks", 45, None), (2019, "PAK", "ttp", "attacks", 500, None)}),
    # "another N" after a verb of blame is more of the noun the sentence before counted
    ("The monitor counted 900 attacks in 2019. The TTP carried out 500 of the attacks. Sindhi insurgents were blamed for "
     "another 140, most of them in the interior.", "2020-01-05",
     {(2019, "PAK", "all", "attacks", 900, None), (2019, "PAK", "ttp", "attacks", 500, None),
      (2019, "PAK", "nationalist-insurgents", "attacks", 140, None)}),
    # a breakdown with the dead as the sentence's subject; "men of the security forces" are victims, not the group
    ("Attacks killed 640 people in 2020. The dead of 2020 were broken down by the monitor as 330 civilians, 210 men of "
     "the security forces and 100 militants.", "2021-01-04",
     {(2020, "PAK", "all", "killed", 640, None), (2020, "PAK", "all", "killed_civilians", 330, None),
      (2020, "PAK", "all", "killed_security", 210, None), (2020, "PAK", "all", "killed_militants", 100, None)}),
    ("Attacks killed 640 people in 2020. The dead were 330 civilians, 210 soldiers and 100 militants.", "2021-01-04",
     {(2020, "PAK", "all", "killed", 640, None), (2020, "PAK", "all", "killed_civilians", 330, None),
      (2020, "PAK", "all", "killed_security", 210, None), (2020, "PAK", "all", "killed_militants", 100, None)}),
    # ... but not where the dead are not the sentence's subject, and not for men of no force
    ("Attacks killed 640 people in 2020. The dead were mostly civilians; 40 were children.", "2021-01-04",
     {(2020, "PAK", "all", "killed", 640, None)}),
    # "among the N people killed in militant attacks were ...": the total's people and the attacks they fell in
    ("Among the 640 people killed in terrorist attacks in 2019 were 210 security forces personnel, 330 civilians and "
     "100 militants.", "2020-01-05",
     {(2019, "PAK", "all", "killed", 640, None), (2019, "PAK", "all", "killed_security", 210, None),
      (2019, "PAK", "all", "killed_civilians", 330, None), (2019, "PAK", "all", "killed_militants", 100, None)}),
    # a share aside between the count and whose it is; a relative clause saying who a side is made of is no toll
    ("UNAMA counted 2,400 civilian deaths in 2009. Another 610 deaths, or 25 percent, were attributed to pro-government "
     "forces, which include national troops and some 90,000 foreign soldiers.", "2010-01-15",
     {(2009, "AFG", "all", "killed_civilians", 2400, None), (2009, "AFG", "pro-government-forces", "killed", 610, None)}),
    # ... while a list after 'including' under a toll is its breakdown
    ("Attacks killed 600 people in 2009, including 300 civilians and 100 soldiers.", "2010-01-15",
     {(2009, "PAK", "all", "killed", 600, None), (2009, "PAK", "all", "killed_civilians", 300, None),
      (2009, "PAK", "all", "killed_security", 100, None)}),
    # "went down from A to B": A is the year before, B the year reported (the paragraph's year)
    ("Fatalities fell to 1,010 in 2019. The number of injured went down from 1,700 to 1,230.", "2020-01-09",
     {(2019, "PAK", "all", "killed", 1010, None), (2018, "PAK", "all", "injured", 1700, None),
      (2019, "PAK", "all", "injured", 1230, None)}),
    # ... a change 'from A' with the year stated beside it keeps that year
    ("Injuries in 2019 went down by 28 percent from 1,700 in 2018.", "2020-01-09",
     {(2019, "PAK", "all", "injured_change_pct", -28, None), (2018, "PAK", "all", "injured", 1700, None)}),
    # "..., mostly in <province>": where most of a national count happened, not a provincial figure
    ("Baloch insurgents carried out 60 attacks in 2025 that killed 90 people, mostly in Quetta, the monitor said.", "2026-01-02",
     {(2025, "PAK", "nationalist-insurgents", "attacks", 60, None), (2025, "PAK", "nationalist-insurgents", "killed", 90, None)}),
    # "N of the T attacks": T is the whole the group's part was taken from, not the group's
    ("Daesh was behind 14 of the 250 attacks recorded in 2021.", "2022-01-04",
     {(2021, "PAK", "islamic-state", "attacks", 14, None), (2021, "PAK", "all", "attacks", 250, None)}),
    # ... while "N attacks, M of them suicide attacks" stays the group's
    ("Daesh carried out 40 attacks in 2021, 12 of them suicide attacks.", "2022-01-04",
     {(2021, "PAK", "islamic-state", "attacks", 40, None), (2021, "PAK", "islamic-state", "suicide_attacks", 12, None)}),
    # a part "of the 281 attacks" is of the whole it names, not of the count of the sentence before
    ("The monitor said 250 attacks took place last year. In 2020, it had logged 190 attacks. The TTP was behind 140 of "
     "the 250 attacks.", "2022-01-04",
     {(2021, "PAK", "all", "attacks", 250, None), (2020, "PAK", "all", "attacks", 190, None), (2021, "PAK", "ttp", "attacks", 140, None)}),
    # "the TTP and others pursuing similar aims": PIPS' wider category, not the TTP alone
    ("In 2021 the TTP, its allies and other outfits pursuing similar objectives carried out 210 attacks.", "2022-01-04",
     {(2021, "PAK", "religious-militants", "attacks", 210, None)}),
    # ... while the country's own is national
    ("The report said the country's police had lost 120 men on duty in 2019.", "2020-01-05",
     {(2019, "PAK", "all", "killed_security", 120, None)}),
    # responsibility that 'lay with' a group makes it the perpetrator, not a target
    ("The monitor recorded 900 attacks in 2019. Responsibility for most of the violence rested with Daesh, which carried out "
     "320 of the attacks.", "2020-01-05",
     {(2019, "PAK", "all", "attacks", 900, None), (2019, "PAK", "islamic-state", "attacks", 320, None)}),
    # ... while clashes 'with' a group are against it
    ("Security forces fought 40 battles with the TTP in 2019.", "2020-01-05", set()),
    # "held steady at N": the subject's value, unchanged
    ("Deaths fell to 1,700 in 2014 while the number of attacks held roughly steady at 1,800.", "2015-01-05",
     {(2014, "PAK", "all", "killed", 1700, None), (2014, "PAK", "all", "attacks", 1800, None)}),
    # "the group" after a time adverbial is the group named before
    ("The TTP was blamed for 540 deaths in 2014. The year before, the group had caused 1,100 deaths.", "2015-01-05",
     {(2014, "PAK", "ttp", "killed", 540, None), (2013, "PAK", "ttp", "killed", 1100, None)}),
    ("The TTP was blamed for 540 deaths in 2014. The year before, the country had seen 1,100 deaths.", "2015-01-05",
     {(2014, "PAK", "ttp", "killed", 540, None), (2013, "PAK", "all", "killed", 1100, None)}),
    # an apposition describing a group names neither a second perpetrator nor the figure's place
    ("Lashkar-e-Jhangvi, the sectarian outfit behind bombings in Quetta, claimed 20 attacks in 2014 that killed 95 people.",
     "2015-01-05",
     {(2014, "PAK", "lashkar-e-jhangvi", "attacks", 20, None), (2014, "PAK", "lashkar-e-jhangvi", "killed", 95, None)}),
    # "..., mostly <kind of attacks> in <place>": what most of them were and where, the count stays national
    ("The monitor logged 300 attacks in 2022. Daesh claimed 14 of those attacks, mostly bombings in the Bajaur area.",
     "2023-01-03", {(2022, "PAK", "all", "attacks", 300, None), (2022, "PAK", "islamic-state", "attacks", 14, None)}),
    # "Their number had since fallen to N in <year>": what the sentence before counted, in that year
    ("The ministry said 70 suicide attacks took place in 2010. Their number had since fallen to 40 in 2012.", "2013-02-01",
     {(2010, "PAK", "all", "suicide_attacks", 70, None), (2012, "PAK", "all", "suicide_attacks", 40, None)}),
    # ... without a year of its own the new value's year is unknown
    ("The ministry said 70 suicide attacks took place in 2010. Their number had since fallen to 40.", "2013-02-01",
     {(2010, "PAK", "all", "suicide_attacks", 70, None)}),
    # ... while attacks by militants at large are everyone's
    ("The index recorded only 12 attacks by militants in 2022.", "2023-03-15", {(2022, "PAK", "all", "attacks", 12, None)}),
    # a breakdown opened by "Of the dead" is of the killed, even after a sentence that ends on the wounded
    ("Bombings killed 640 people and wounded 910 in 2020. Of the dead, 210 were policemen and soldiers and 330 were civilians.",
     "2021-01-04",
     {(2020, "PAK", "all", "killed", 640, None), (2020, "PAK", "all", "injured", 910, None),
      (2020, "PAK", "all", "killed_security", 210, None), (2020, "PAK", "all", "killed_civilians", 330, None)}),
    # ... and "Of the wounded" opens no breakdown of the killed
    ("Bombings killed 640 people and wounded 910 in 2020. Of the wounded, most were civilians.", "2021-01-04",
     {(2020, "PAK", "all", "killed", 640, None), (2020, "PAK", "all", "injured", 910, None)}),
    # the partitive after the source's reporting verb, with the attacks the dead fell in and their year
    ("The monitor logged 350 attacks in 2020 that killed 640 people. Its report notes that of those killed in terrorist "
     "attacks during 2020, 330 were civilians, 210 were members of the security forces and 55 were militants.", "2021-01-04",
     {(2020, "PAK", "all", "attacks", 350, None), (2020, "PAK", "all", "killed", 640, None),
      (2020, "PAK", "all", "killed_civilians", 330, None), (2020, "PAK", "all", "killed_security", 210, None),
      (2020, "PAK", "all", "killed_militants", 55, None)}),
]


@pytest.mark.parametrize("text, published, expected", ROWS)
def test_figures(text, published, expected):
    country = "AFG" if "UNAMA" in text else "PAK"
    assert _figures(text, published, country) == expected


COUNTRY_ROWS = [
    # a place in the source's further statement ("adding that ...") is not the figures' place
    ("UNAMA counted 9,900 civilian casualties in 2018. The Taliban caused 3,900 civilian casualties and Daesh caused 2,000, "
     "the mission said, adding that Daesh was behind most of the suicide bombings in Kabul.", "2019-02-24", "AFG",
     {(2018, "AFG", "all", "casualties_civilians", 9900, None), (2018, "AFG", "afghan-taliban", "casualties_civilians", 3900, None),
      (2018, "AFG", "islamic-state", "casualties_civilians", 2000, None)}),
    # ... while a place in the number's own clause is
    ("UNAMA counted 9,900 civilian casualties in 2018. Daesh caused 2,000 civilian casualties in Kabul.", "2019-02-24", "AFG",
     {(2018, "AFG", "all", "casualties_civilians", 9900, None)}),
    # a sentence opening with a country whose standing it reports is about that country, not the report's
    ("Afghanistan recorded 630 terrorism deaths in 2022. Pakistan rose to sixth place on the index, with deaths up 110 "
     "percent to 640 in 2022.", "2023-03-15", "AFG",
     {(2022, "AFG", "all", "killed", 630, None), (2022, "PAK", "all", "killed_change_pct", 110, None),
      (2022, "PAK", "all", "killed", 640, None)}),
    # a count stated for several earlier years is no one year's
    ("The index recorded 12 attacks in Afghanistan in 2022, against 300 in previous years.", "2023-03-15", "AFG",
     {(2022, "AFG", "all", "attacks", 12, None)}),
    ("The Afghan Taliban overtook IS as the deadliest group in 2017, with 4,950 deaths.", "2018-11-20", "AFG",
     {(2017, "AFG", "afghan-taliban", "killed", 4950, None)}),
    # counts paired 'respectively', the group of 'they'
    ("Pro-Government Forces caused 1,900 civilian casualties in 2019. The numbers of civilians they killed and injured were "
     "700 and 1,200 respectively.", "2020-02-01", "AFG",
     {(2019, "AFG", "pro-government-forces", "casualties_civilians", 1900, None),
      (2019, "AFG", "pro-government-forces", "killed_civilians", 700, None),
      (2019, "AFG", "pro-government-forces", "injured_civilians", 1200, None)}),
    # a label with a comma before its value; UNAMA's wording for the two parties and for neither
    ("- Casualties that could not be attributed to either party, mostly from crossfire in ground engagements: 1,150.",
     "2020-02-20", "AFG", {(2019, "AFG", "unattributed", "casualties", 1150, None)}),
    ("Afghan and international forces caused 1,700 civilian casualties in 2018.", "2019-02-20", "AFG",
     {(2018, "AFG", "pro-government-forces", "casualties_civilians", 1700, None)}),
    # a noun said once for two clauses
    ("The Taliban were blamed for 4,100 civilian casualties in 2018, while the Islamic State caused about 1,900.", "2019-02-20", "AFG",
     {(2018, "AFG", "afghan-taliban", "casualties_civilians", 4100, None), (2018, "AFG", "islamic-state", "casualties_civilians", 1900, None)}),
    # a country that opens the sentence is where its figures are
    ("Afghanistan, which led the index for years, fell to sixth place after deaths there dropped by 81 percent in 2023.",
     "2024-02-29", "PAK", {(2023, "AFG", "all", "killed_change_pct", -81, None)}),
    # a neighbour named only as where the attackers came from is not the report's country
    ("Afghan militants carried out 21 cross-border attacks in 2018. Terrorist attacks killed 300 people in 2018.",
     "2019-01-02", None, set()),
    # a text that never names its country is about the country of the provinces it names
    ("Terrorist attacks killed 730 people in 2017. Sindh and Balochistan together lost 310 lives.", "2018-01-02", None,
     {(2017, "PAK", "all", "killed", 730, None)}),
    ("Militants from Afghanistan staged 60 cross-border raids. Terrorist attacks killed 730 people in 2017. Sindh lost 110 "
     "lives, Balochistan 200 and Khyber Pakhtunkhwa 300.", "2018-01-02", None,
     {(2017, "PAK", "all", "killed", 730, None), (2017, "PAK", "cross-border", "attacks", 60, None)}),
    ("The Taliban were blamed for 4,100 casualties in 2016, while Islamic State militants caused 850, a sharp increase.",
     "2017-02-06", "AFG",
     {(2016, "AFG", "afghan-taliban", "casualties", 4100, None), (2016, "AFG", "islamic-state", "casualties", 850, None)}),
    # a locative 'there' points back to the country named last
    ("Afghanistan ranked first on the index. Deaths from terrorism there rose to 7,100 in 2018.", "2019-11-20", "PAK",
     {(2018, "AFG", "all", "killed", 7100, None)}),
    # 'there' is the country the previous sentence opened with, and 'N of them' a part of the sentence's own count
    ("Neighbouring Afghanistan again outranked Syria as the worst-hit country. Terrorism deaths there climbed 12 percent "
     "to 5,400 in 2017, and the Taliban were responsible for 4,100 of them.", "2018-11-20", "PAK",
     {(2017, "AFG", "all", "killed_change_pct", 12, None), (2017, "AFG", "all", "killed", 5400, None),
      (2017, "AFG", "afghan-taliban", "killed", 4100, None)}),
    # the part of an unnamed perpetrator is dropped, not given to the total's group
    ("Deaths from terrorism in Pakistan fell to 900 in 2017, and foreign fighters were responsible for 300 of them.",
     "2018-11-20", "PAK", {(2017, "PAK", "all", "killed", 900, None)}),
    # militants 'based across the border in' a country attack from there: cross-border attacks, not that country's figure
    ("In 2022, fighters based across the border in Afghanistan carried out 41 attacks.", "2023-01-04", "PAK",
     {(2022, "PAK", "cross-border", "attacks", 41, None)}),
    # ... while fighters who 'are based in' a country are counted there
    ("Monitors estimated in 2021 that some 4,000 TTP fighters are based in Afghanistan.", "2022-01-04", "PAK",
     {(2021, "AFG", "ttp", "fighters", 4000, None)}),
    # a second count beside a share, with no noun of its own, counts what the first one did
    ("In 2019 the Taliban caused 40 percent (3,100) of all civilian casualties, while ISKP caused 12 percent (930).",
     "2020-02-01", "AFG",
     {(2019, "AFG", "afghan-taliban", "casualties_civilians", 3100, None), (2019, "AFG", "islamic-state", "casualties_civilians", 930, None)}),
    # 'with <group> alone responsible for N': that group, not the umbrella named before it
    ("In 2019 anti-government elements caused 60 per cent of civilian casualties, with the Taliban alone responsible for 4,000.",
     "2020-02-01", "AFG", {(2019, "AFG", "afghan-taliban", "casualties_civilians", 4000, None)}),
    # an attribution with its parts in brackets before 'to'; harm 'not attributable to either party'
    ("In 2017 UNAMA attributed 900 civilian casualties (300 deaths and 600 injured) to crossfire not attributable to "
     "either party.", "2018-02-15", "AFG",
     {(2017, "AFG", "unattributed", "casualties_civilians", 900, None), (2017, "AFG", "unattributed", "killed_civilians", 300, None),
      (2017, "AFG", "unattributed", "injured_civilians", 600, None)}),
    # harm the predicate says no party can be blamed for is unattributed
    ("In 2019 UNAMA could not pin 200 civilian deaths on any party.", "2020-02-05", "AFG",
     {(2019, "AFG", "unattributed", "killed_civilians", 200, None)}),
    ("A further 500 civilian casualties in 2019 could not be attributed to either party.", "2020-02-05", "AFG",
     {(2019, "AFG", "unattributed", "casualties_civilians", 500, None)}),
    # a weekday a statement was made on; gapped 'and X for N' items with their own victims or group
    ("Officials told reporters on Sunday that militants carried out 300 attacks in 2019.", "2020-01-05", "AFG",
     {(2019, "AFG", "all", "attacks", 300, None)}),
    ("In 2019 civilians accounted for 900 deaths and security personnel for 300.", "2020-01-05", "AFG",
     {(2019, "AFG", "all", "killed_civilians", 900, None), (2019, "AFG", "all", "killed_security", 300, None)}),
    ("In 2019 the Taliban were responsible for 1,000 of the civilian deaths, and government and foreign forces for 400.",
     "2020-01-05", "AFG", {(2019, "AFG", "afghan-taliban", "killed_civilians", 1000, None),
                           (2019, "AFG", "pro-government-forces", "killed_civilians", 400, None)}),
    ("In 2019 the Taliban were responsible for 1,000 of the civilian deaths, and local militias for 400.", "2020-01-05", "AFG",
     {(2019, "AFG", "afghan-taliban", "killed_civilians", 1000, None)}),
    # 'and N were wounded' continues the victims just counted; 'as many as' inside a comparison keeps it going
    ("In 2019, 2,000 civilians were killed and 4,000 were wounded.", "2020-01-05", "AFG",
     {(2019, "AFG", "all", "killed_civilians", 2000, None), (2019, "AFG", "all", "injured_civilians", 4000, None)}),
    ("The TTP had 4,000 fighters in 2019, down from as many as 6,000 a year earlier.", "2020-01-05", "AFG",
     {(2019, "AFG", "ttp", "fighters", 4000, None), (2018, "AFG", "ttp", "fighters", 6000, None)}),
    # 'of the N injured, there were ...' opens a breakdown; places in a distribution aside, a list of them included
    ("Of the 500 injured in 2019, there were 200 soldiers, 250 civilians and 50 militants.", "2020-01-05", "AFG",
     {(2019, "AFG", "all", "injured", 500, None), (2019, "AFG", "all", "injured_security", 200, None),
      (2019, "AFG", "all", "injured_civilians", 250, None), (2019, "AFG", "all", "injured_militants", 50, None)}),
    ("In 2019 the Taliban carried out 900 attacks, most of them on checkposts and convoys in Helmand and Kandahar.", "2020-01-05",
     "AFG", {(2019, "AFG", "afghan-taliban", "attacks", 900, None)}),
    ("In 2019 the Islamic State carried out 40 attacks, mostly in Nangarhar and Kabul, killing 600 people.", "2020-01-05", "AFG",
     {(2019, "AFG", "islamic-state", "attacks", 40, None), (2019, "AFG", "islamic-state", "killed", 600, None)}),
    ("In 2019 militants carried out 40 attacks in Nangarhar and Kabul.", "2020-01-05", "AFG", set()),
    # cross-border shelling is the cross-border group's harm, not a tactic breakdown (plain shelling is)
    ("In 2016 cross-border shelling from Pakistan caused 90 civilian casualties (30 deaths and 60 injured).", "2017-02-05", "AFG",
     {(2016, "AFG", "cross-border", "casualties_civilians", 90, None), (2016, "AFG", "cross-border", "killed_civilians", 30, None),
      (2016, "AFG", "cross-border", "injured_civilians", 60, None)}),
    ("In 2016 shelling caused 90 civilian casualties.", "2017-02-05", "AFG", set()),
    # a toll of every kind listed, operations included, is combined; a tactic inside that list is no breakdown
    ("In 2017 the number of people killed in clashes, bombings, airstrikes and military operations rose by 16 percent.",
     "2018-01-05", "AFG", {(2017, "AFG", "all-violence", "killed_change_pct", 16, None)}),
    ("In 2017 the number of people killed in airstrikes rose by 16 percent.", "2018-01-05", "AFG", set()),
]


@pytest.mark.parametrize("text, published, country, expected", COUNTRY_ROWS)
def test_figures_of_a_country(text, published, country, expected):
    assert _figures(text, published, country) == expected


DROPPED = [
    ("Nearly 45 percent of all attacks took place in 2019.", "2020-01-01"),
    ("Balochistan saw 120 attacks in 2020.", "2021-01-01"),
    ("In 2019, 67 attacks were recorded in Khyber Pakhtunkhwa.", "2020-01-01"),
    ("On average there were 31 attacks per month in 2018.", "2019-01-01"),
    ("In the first half of 2020, 140 attacks were recorded.", "2020-07-01"),
    ("Police arrested 1,300 suspects in 2019.", "2020-01-01"),
    ("The deadliest attack of 2019 killed 52 people.", "2020-01-01"),
    ("Roadside bombs killed 430 people in 2016.", "2017-01-01"),
    ("Since the operation began, attacks have fallen by 70 percent.", "2018-01-01"),
    ("In 2017 the country scored 8.4 on the index and ranked fifth out of 160 countries.", "2018-01-01"),
    ("The death toll of 2021 was 30 more than the year before.", "2022-01-01"),
    ("Security forces foiled dozens of attacks during the year.", "2020-01-01"),
    ("Between 2015 and 2019 the number of attacks fell to 220.", "2020-01-01"),
    ("In 2018, 38 children were killed in attacks.", "2019-01-01"),
    ("Tribal clashes killed 90 people in 2020.", "2021-01-01"),
    ("See the 2019 report, p. 31 (22).", "2020-01-01"),
    ("Violence across the country left 2,100 dead over the past five years.", "2021-01-01"),
    ("The BLA and BLF together carried out 64 attacks in Balochistan in 2020.", "2021-01-01"),
    ("Worldwide, deaths from terrorism fell by 12 per cent to 14,300 in 2019.", "2020-11-20"),
    ("After two decades of war, over 90,000 civilians have been killed or injured since 2009.", "2019-02-01"),
    ("In March 2021, militants carried out 41 attacks that killed 55 people.", "2021-04-05"),
    ("The 9-year-old boy was among 6 people injured.", "2021-01-04"),
    ("Officials said at least 28 people were killed on Friday in the blast.", "2019-01-05"),
    ("Casualties among security forces fell 30% to 610 in 2017.", "2018-01-02"),
    ("Police arrested 2,100 suspects and recovered 900 weapons in 2018.", "2019-01-02"),
    ("In the neighbouring country the Taliban carried out 1,100 attacks in 2019.", "2020-01-01"),
    ("Since 2009, over 100,000 civilians have been killed or injured.", "2020-02-01"),
    # months without a year, and the first months of a year
    ("Since January, 140 attacks have been reported.", "2022-07-02"),
    ("In November alone, 90 people were killed.", "2023-01-02"),
    ("In the first 10 months of 2022, militants carried out 410 attacks.", "2022-11-02"),
    # districts and towns the reference data does not list
    ("Four of these attacks took place in Loralai and Zhob, killing 31 people.", "2020-01-02"),
    ("In Kurram district, 40 people were killed in 2019.", "2020-01-02"),
    ("Militants carried out 86 attacks, killing 165 people, in Balochistan in 2019.", "2020-01-02"),
    ("Women and children made up 38 per cent of all civilian casualties in 2018.", "2019-02-01"),
    ("The mission documented 4,900 civilian casualties (1,500 killed and 3,400 injured) between 1 January and 30 June 2022.",
     "2022-07-20"),
    ("The Hafiz Gul Bahadur group claimed 12 attacks in 2023.", "2024-01-02"),
    ("The TTP and the Islamic State carried out 140 attacks in 2018.", "2019-01-06"),
    # global reports: countries outside the reference data, and one figure for several countries
    ("Balochistan saw 120 attacks in 2019. Of these, 40 were claimed by the BLA.", "2020-01-02"),
    ("In Khyber Pakhtunkhwa, 90 attacks were recorded in 2019. The attacks left 130 people dead and 200 injured.", "2020-01-02"),
    ("In the first half of 2020, 140 attacks were recorded. These attacks killed 200 people.", "2020-07-02"),
    ("Nigeria recorded 1,900 deaths from terrorism in 2019, while Somalia saw 610.", "2020-11-20"),
    ("The Islamic State was responsible for 1,420 deaths in Iraq and Syria in 2019.", "2020-11-20"),
    ("Khyber Pakhtunkhwa, home to most of the violence, recorded 290 attacks, about 55 percent of the national total.", "2020-01-01"),
    # a month or a region of several countries as the subject; one attack; a link to another story
    ("March was the deadliest month of 2014, when 210 people were killed in terrorist attacks.", "2015-01-02"),
    ("October alone saw 130 deaths in 2019.", "2020-01-02"),
    ("The NWFP was again the worst-hit province with 840 attacks in 2010.", "2011-01-02"),
    ("Fata suffered 260 attacks in 2011.", "2012-01-02"),
    ("Central Asia recorded 95 terrorism deaths in 2019.", "2020-11-20"),
    ("The worst of them was the car bomb that ripped through a market in May, killing 88 people.", "2014-01-03"),
    ("Army Says Foreign Militants Behind Attack That Killed 17 Policemen", "2023-07-01"),
    ("Read more: Terrorist attacks rose 18pc in 2020, think tank says", "2021-01-03"),
    ("Casualties from IEDs rose 17 percent to 2,100 in 2018.", "2019-02-04"),
    ("Terrorism deaths in the West fell 30 percent in 2019.", "2020-11-20"),
    ("Officials said the province recorded 410 attacks in 2021.", "2022-01-04"),
    ("In 2019 the think tank said terrorist attacks had dropped by 45 percent since 2013.", "2019-12-30"),
    ("The country has lost 70,000 lives in the war on terror.", "2019-01-04"),
    # a perpetrator that is no group of the vocabulary is not everyone
    ("Foreign contractors were responsible for 45 casualties in 2019.", "2020-02-04"),
    ("Rival criminal gangs carried out 70 attacks in 2018.", "2019-01-04"),
    ("In 2020 it was unclear who carried out 55 of the attacks.", "2021-01-04"),
    ("Of the fatalities in 2021, 1,300 were civilians and soldiers.", "2022-01-04"),
    ("The monitor also logged 22 land disputes in 2020, which left 31 dead.", "2021-01-04"),
    ("Violence-linked fatalities in the first three quarters of 2021 stood at 1,120.", "2021-10-04"),
    ("The Middle East and North Africa saw 1,400 deaths from terrorism in 2019.", "2020-11-20"),
    # the change of a victim sub-group; a tactic that is the clause's subject, whoever fought in it
    ("Casualties among children rose 31 percent in 2019, with 600 children killed.", "2020-02-01"),
    ("In 2019 child casualties went up by 31 percent.", "2020-02-01"),
    ("For the first time, ground engagements between the army and insurgents were the main cause of harm in 2019, "
     "leaving 2,100 civilian casualties.", "2020-02-01"),
    ("Roadside bombs planted by the TTP killed 120 people in 2019.", "2020-01-04"),
    # a scale word the number parser does not know leaves the value unknown: never read as the bare digit
    ("Militants carried out 1 quadrillion attacks in 2022.", "2023-01-04"),
    ("Insurgents killed 7 zillion people in 2021.", "2022-01-04"),
    ("Militants carried out 3 thousand attacks in 2022.", "2023-01-04"),
    # a named group the vocabulary lacks, as the perpetrator before the number or after 'by': not everyone's figure
    ("Lashkar-e-Islam carried out 12 attacks in 2022.", "2023-01-04"),
    ("In 2022, Jundullah claimed 9 attacks.", "2023-01-04"),
    ("In 2022, Ansar al-Hezbollah was responsible for 14 attacks.", "2023-01-04"),
    ("Militants of Jaish-e-Muhammad killed 30 people in 2022.", "2023-01-04"),
    ("In 2022, 40 attacks were claimed by Lashkar-e-Islam.", "2023-01-04"),
    ("Tehreek-e-Jihad claimed responsibility for 7 attacks in 2022.", "2023-01-04"),
    ("The Jaish-e-Muhammad, a banned outfit, claimed 5 attacks in 2022.", "2023-01-04"),
    ("Violence has ebbed since the military operation began: attacks declined by 30 percent.", "2017-01-04"),
    ("In 2019 at least 400 civilians and soldiers were killed.", "2020-01-04"),
    # victims named by their role or community are part of a toll; 'at least one attack' is a threshold
    ("In the 2013 general elections, 14 candidates were killed in attacks on rallies.", "2014-01-04"),
    ("Of the 70 districts surveyed in 2019, 41 reported at least one attack.", "2020-01-04"),
    ("Jaish-ul-Adl Pakistan, a little-known outfit, claimed responsibility for 11 attacks in 2019.", "2020-01-04"),
    ("Children accounted for a quarter of the casualties in 2019, with 300 killed and 900 wounded.", "2020-01-04"),
    ("Rival fighters of the Resistance Front, which claimed to have killed 900 Taliban fighters in 2022, fought on.", "2023-01-04"),
    # a toll 'in those events' after a sentence whose group's count could not be read: whose it is stays unknown
    ("According to the dataset, ISKP was involved in 150 events in 2022. Fatalities in those events fell to about 800.", "2023-02-01"),
    ("Militants staged 12 high-profile attacks on military installations in 2019.", "2020-01-04"),
    # a change against a month, and a count 'in the month'
    ("Attacks rose 40 percent compared to June, the monitor said in its 2019 review.", "2019-08-01"),
    ("In 2019 the monitor said security forces killed 31 militants in the month.", "2019-08-01"),
    ("Since 2011, the number of casualties from suicide attacks has been 9,000 in all.", "2018-02-01"),
    # ... or owning the counted noun or its subject
    ("Lashkar-e-Islam militants carried out 40 attacks in 2022.", "2023-01-04"),
    ("Attacks by Lashkar-e-Islam numbered 40 in 2022.", "2023-01-04"),
    ("Lashkar-e-Islam's attacks rose to 40 in 2022.", "2023-01-04"),
    ("In 2022, Jundullah fighters killed 30 people.", "2023-01-04"),
    ("In 2022, 40 Lashkar-e-Islam attacks were recorded.", "2023-01-04"),
    ("Attacks claimed by Lashkar-e-Islam rose 30 percent in 2022.", "2023-01-04"),
    # a percentage reached 'to' is a new level (a share), not a change
    ("The TTP's share of attacks rose to 60 percent in 2023.", "2024-01-04"),
    ("In 2022 the army fought rebel groups, including the Freedom Front, which claimed to have killed 900 soldiers.", "2023-01-04"),
    # attacks on one kind of target are a breakdown by target
    ("Attacks on security forces rose to 310 in 2023.", "2024-01-04"),
    ("Militants carried out 310 attacks on security forces in 2023.", "2024-01-04"),
    ("In 2023 there were 35 attacks on polio teams.", "2024-01-04"),
    # a change whose noun sits in another clause has no metric ("hides the fact that ...")
    ("A decline of 15 percent in 2018 hides the fact that civilian deaths held steady.", "2019-01-02"),
    # bare 'events' name no kind; attacks attributed to a group no sentence named
    ("In 2023 the dataset logged 2,900 events in the country.", "2024-01-04"),
    ("The dataset attributes 300 attacks to the group in 2021.", "2022-01-04"),
    ("In June 2021 militants carried out 40 attacks.", "2022-01-04"),
    # one siege or rescue operation; the capital, a region; the first weeks of a year
    ("The army said that 12 gunmen were killed in a rescue operation in 2023 and that 9 hostages died during the siege.", "2024-01-04"),
    ("The capital recorded 15 deaths in 2016.", "2017-01-04"),
    ("Islamabad suffered 9 attacks in 2016.", "2017-01-04"),
    ("The northern region recorded 900 civilian casualties in 2016.", "2017-01-04"),
    ("In the first six weeks of 2017, 150 people were killed in attacks.", "2018-01-04"),
    # fighters whose group no sentence names are nobody's, not everyone's
    ("Officials estimate the group has about 1,500 fighters in 2018.", "2019-01-05"),
    # the dead of one tactic named after the verb are a part of the toll
    ("In 2018, 300 civilians were killed in air strikes.", "2019-01-05"),
    ("In 2016 women and children made up the largest share of the dead: 380.", "2017-01-05"),
    # one day's toll
    ("In 2012 militants killed more than 50 people in a single day.", "2013-01-05"),
    ("The TTP, an ally of the Afghan Taliban, grew stronger in 2022. The group and its affiliates carried out 90 attacks in 2022.",
     "2023-01-05"),
    ("The violence was concentrated in Balochistan, which saw 120 attacks in 2022.", "2023-01-05"),
    ("In March 2012 the Lashkar-e-Jhangvi carried out 40 attacks.", "2013-01-05"),
    ("The monitor says 2021 was the worst year for the security forces in a decade, with at least 500 militants killed.", "2022-01-05"),
    # 'major' incidents are the ones a monitor lists for their toll, a subset of all attacks
    ("The monitor recorded 45 major incidents in 2019.", "2020-01-05"),
    ("In 2012-13 militants carried out 300 attacks.", "2014-01-05"),
    # a list of victims that does not match the values one to one
    ("Compared to 2015, fatalities among civilians, soldiers and security forces dropped by 38pc and 35pc respectively.",
     "2017-01-05"),
    ("In 2022 militants launched 30 attacks in Islamabad.", "2023-01-05"),
    ("The report says in Balochistan militants carried out 300 attacks in 2022.", "2023-01-05"),
    # a count of its own in the city is still a provincial one
    ("Lashkar-e-Jhangvi claimed 20 attacks in Quetta in 2014.", "2015-01-05"),
    # attacks 'by the group' with no group to refer back to are one group's, not everyone's
    ("The index recorded only 12 attacks by the group in 2022, far fewer than before.", "2023-03-15"),
    # what 'the province' owns is the province's count
    ("An officer told the launch that the province's police had lost 120 men on duty in 2019.", "2020-01-05"),
    # a province's own count, with where most of it happened inside the province
    ("Baloch separatists carried out 148 attacks in Balochistan in 2025, mostly in Quetta.", "2026-01-02"),
]


@pytest.mark.parametrize("text, published", DROPPED)
def test_distractors_give_no_figure(text, published):
    assert _figures(text, published) == set()


def test_a_headings_year_holds_until_the_next_heading():
    text = (
        "Violence in 2016\n\nMilitants carried out 410 attacks.\n\n"
        "The latest year\n\nMilitants carried out 290 attacks."
    )
    assert _figures(text, "2020-01-05") == {(2016, "PAK", "all", "attacks", 410, None), (2019, "PAK", "all", "attacks", 290, None)}


def test_numbers_that_never_were_figures_are_counted_apart():
    document = Document(name="t.txt", text="On 12 March 2019, the third report (p. 4) counted 60 attacks a month.", format="text",
                        published="2019-04-01")
    drops = extract_figures(document, VOCABULARY, default_country="PAK").drop_counts
    assert drops == {"not-a-figure:date": 1, "not-a-figure:ordinal": 1, "not-a-figure:reference": 1, "monthly": 1}


def test_relative_years_follow_the_publication_date():
    text = "Last year 210 attacks were recorded. In the outgoing year, 180 attacks took place."
    assert _figures(text, "2020-01-02") == {(2019, "PAK", "all", "attacks", 210, None), (2019, "PAK", "all", "attacks", 180, None)}


@pytest.mark.parametrize("name", ["Pakistan Institute for Peace Studies", "Pak Institute for Peace Studies"])
def test_a_monitor_named_after_a_country_keeps_its_country(name):
    text = (
        f"The {name} (PIPS) released its report. "
        "Militants carried out 310 attacks in Afghanistan last year, notes PIPS."
    )
    assert _figures(text, "2018-01-05", None, source_org="PIPS via a news site") == {(2017, "PAK", "all", "attacks", 310, None)}


def test_a_country_heading_holds_for_its_section():
    text = ("Global overview\n\nPakistan saw 500 deaths from terrorism in 2021.\n\nAfghanistan\n\n"
            "The Taliban takeover changed the picture. ISK was the deadliest group in the country, responsible for 310 deaths in 2021.")
    assert _figures(text, "2022-03-02", country=None) == {
        (2021, "PAK", "all", "killed", 500, None), (2021, "AFG", "islamic-state", "killed", 310, None)}


def test_suicide_attacks_stay_militant_under_a_combined_scope():
    text = ("The centre recorded 1,900 violence-related fatalities in 2019.\n\n"
            "Suicide bombers struck seven times during the year, killing 95 people.")
    assert _figures(text, "2020-01-02") == {
        (2019, "PAK", "all-violence", "killed", 1900, None), (2019, "PAK", "all", "suicide_attacks", 7, None),
        (2019, "PAK", "all", "suicide_killed", 95, None)}


def test_the_year_in_an_index_abbreviation_is_its_edition():
    text = "GTI 2021: deaths from terrorism fell\n\nDeaths from terrorism in the country fell 12 percent to 319."
    assert _figures(text, "2021-03-02") == {
        (2020, "PAK", "all", "killed_change_pct", -12, None), (2020, "PAK", "all", "killed", 319, None)}


def test_a_founding_year_in_a_heading_is_no_section_year():
    text = "Centre for Conflict Studies, established 1998\n\nTerrorist attacks fell by 12 percent in 2019."
    assert _figures(text, "2020-01-02") == {(2019, "PAK", "all", "attacks_change_pct", -12, None)}
    text = "Centre for Conflict Studies, established 1998\n\nMilitant fatalities fell by 12 percent."
    assert _figures(text, "2020-01-02") == {(2019, "PAK", "all", "killed_militants_change_pct", -12, None)}


def test_scope_carries_to_the_next_sentence_of_a_paragraph():
    text = (
        "In 2022 there were 700 incidents of violence by militants and counter-terrorism operations by the army, "
        "in which 1,100 people were killed. While 1,500 were injured."
    )
    assert _figures(text, "2023-01-01") == {
        (2022, "PAK", "all-violence", "incidents", 700, None),
        (2022, "PAK", "all-violence", "killed", 1100, None),
        (2022, "PAK", "all-violence", "injured", 1500, None),
    }


def test_drops_are_counted_by_reason():
    document = Document(name="t.txt", text="Balochistan saw 120 attacks in 2020. About 45 percent of them hit police.", format="text",
                        published="2021-01-01")
    drops = extract_figures(document, VOCABULARY, default_country="PAK").drop_counts
    assert drops["province"] == 1 and drops["share"] == 1


def test_an_unknown_scale_word_is_counted_as_its_own_drop():
    document = Document(name="t.txt", text="Militants carried out 1 quadrillion attacks in 2022.", format="text", published="2023-01-04")
    assert extract_figures(document, VOCABULARY, default_country="PAK").drop_counts.get("unknown-scale") == 1


@pytest.mark.parametrize("text, source_org", [
    # the monitor's name spelled out without its acronym in brackets still names its country
    ("A report by the Pak Institute for Peace Studies was released. Militants carried out 310 attacks in Afghanistan last year.",
     "PIPS via a news site"),
    # a neighbour named only as where attackers came from is not what the report is about
    ("Pakistan faced raids from Afghanistan and from Iran. Militants carried out 310 attacks last year, many launched "
     "from Afghanistan.", "a news site"),
])
def test_the_country_of_a_report_without_a_bracketed_acronym(text, source_org):
    assert _figures(text, "2018-01-05", None, source_org=source_org) == {(2017, "PAK", "all", "attacks", 310, None)}


@pytest.mark.parametrize("title, expected", [
    # a report on one month: its figures that state no year are the month's
    ("Militant attacks reach a six-year high in May", set()),
    ("Militant attacks reach a six-year high in 2019", {(2019, "PAK", "all", "attacks", 71, None)}),
])
def test_a_report_on_one_month_gives_no_yearly_figure(title, expected):
    assert _figures("Militants carried out 71 attacks, the think tank said.", "2019-06-01", title=title) == expected


def test_another_monitors_figure_in_a_neighbour_keeps_its_place():
    text = (
        "The Pakistan Institute for Peace Studies (PIPS) released its report. "
        "In neighbouring Afghanistan, the UN mission documented 1,300 civilian casualties last year."
    )
    assert _figures(text, "2018-01-05", None, source_org="PIPS via a news site") == {
        (2017, "AFG", "all", "casualties_civilians", 1300, None)
    }
