"""Generate a large, varied, deterministic corpus of news-like articles for benchmarking.

Why: a throughput figure is only worth something if the text looks like what
factcheck reads in production: wire copy with datelines, money in many
currencies and notations, percentages, counts, qualifiers, conversions in
parentheses, years and Five-Year Plans, between number-free paragraphs, page
furniture, "Related Articles" teasers, trailing JSON-LD blobs, curly quotes
and the odd file of mojibake. Repeating a handful of real articles would let
caches and branch predictors flatter the tool, so every article is built from
a grammar of templates whose subjects, numbers, wording and sentence order are
all drawn at random.

What: `build(out, size_mb, seed)` writes .txt files (a few hundred to a few
thousand words each) until the corpus reaches `size_mb` MiB. Article `i` is
drawn from `random.Random(seed * 1_000_003 + i)` alone, so a given seed always
gives the same files, and a larger corpus starts with the files of a smaller
one. A manifest records what was built so that callers can reuse the corpus.

    .venv/bin/python bench/corpus.py                      # 12 MiB into bench/.corpus/
    .venv/bin/python bench/corpus.py --size-mb 20 --seed 3 --out /tmp/articles
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import math
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 1
DEFAULT_SIZE_MB = 12.0
DEFAULT_SEED = 20250513
DEFAULT_DIR = Path(__file__).resolve().parent / ".corpus"
MANIFEST = "MANIFEST.json"
MIB = 1024 * 1024

# --------------------------------------------------------------------------- world data


@dataclass(frozen=True)
class Currency:
    """How one currency is written: symbols glued to the figure, ISO-like codes, words."""

    code: str
    symbols: tuple[str, ...]
    codes: tuple[str, ...]
    words: tuple[str, ...]
    usd_rate: float  # US dollars per unit


CURRENCIES: dict[str, Currency] = {
    c.code: c
    for c in (
        Currency("USD", ("$", "US$", "U.S. $"), ("USD",), ("dollars", "U.S. dollars"), 1.0),
        Currency("CNY", ("¥", "RMB"), ("RMB", "CNY"), ("yuan", "renminbi"), 0.138),
        Currency("JPY", ("¥",), ("JPY",), ("yen",), 0.0067),
        Currency("EUR", ("€",), ("EUR",), ("euros",), 1.08),
        Currency("GBP", ("£",), ("GBP",), ("pounds", "pounds sterling"), 1.27),
        Currency("INR", ("₹", "Rs ", "Rs. "), ("INR",), ("rupees",), 0.012),
        Currency("KRW", ("₩",), ("KRW",), ("won",), 0.00073),
        Currency("BRL", ("R$",), ("BRL",), ("reais",), 0.18),
        Currency("AUD", ("A$",), ("AUD",), ("Australian dollars",), 0.66),
        Currency("CAD", ("C$",), ("CAD",), ("Canadian dollars",), 0.73),
        Currency("HKD", ("HK$",), ("HKD",), ("Hong Kong dollars",), 0.128),
        Currency("SGD", ("S$",), ("SGD",), ("Singapore dollars",), 0.74),
        Currency("CHF", ("CHF ",), ("CHF",), ("Swiss francs",), 1.12),
        Currency("SAR", ("SR ",), ("SAR",), ("riyals",), 0.267),
    )
}


@dataclass(frozen=True)
class Country:
    """A country as articles name it, with its cities for datelines and its currency."""

    name: str
    adjective: str
    cities: tuple[str, ...]
    currency: str
    agency: str  # statistics office
    bank: str  # central bank


# name | adjective | dateline cities | currency | statistics office | central bank
_COUNTRY_TABLE = """
China | Chinese | BEIJING, SHANGHAI, SHENZHEN, HONG KONG | CNY | the National Bureau of Statistics | the People's Bank of China
Japan | Japanese | TOKYO, OSAKA | JPY | the Ministry of Internal Affairs | the Bank of Japan
the United States | U.S. | WASHINGTON, NEW YORK, SAN FRANCISCO, CHICAGO | USD | the Commerce Department | the Federal Reserve
Britain | British | LONDON, MANCHESTER | GBP | the Office for National Statistics | the Bank of England
Germany | German | BERLIN, FRANKFURT, MUNICH | EUR | the Federal Statistical Office | the Bundesbank
France | French | PARIS | EUR | INSEE | the Banque de France
India | Indian | NEW DELHI, MUMBAI, BENGALURU | INR | the Ministry of Statistics | the Reserve Bank of India
South Korea | South Korean | SEOUL | KRW | Statistics Korea | the Bank of Korea
Brazil | Brazilian | BRASILIA, SAO PAULO, RIO DE JANEIRO | BRL | IBGE | the Central Bank of Brazil
Australia | Australian | SYDNEY, CANBERRA, MELBOURNE | AUD | the Australian Bureau of Statistics | the Reserve Bank of Australia
Canada | Canadian | OTTAWA, TORONTO | CAD | Statistics Canada | the Bank of Canada
Singapore | Singaporean | SINGAPORE | SGD | the Department of Statistics | the Monetary Authority of Singapore
Switzerland | Swiss | ZURICH, GENEVA, BERN | CHF | the Federal Statistical Office | the Swiss National Bank
Saudi Arabia | Saudi | RIYADH, DUBAI | SAR | GASTAT | the Saudi Central Bank
"""

# currency: the companies reporting in it
_COMPANY_TABLE = """
CNY: BYD, Tencent, Alibaba, China Mobile, Sinopec, PetroChina, CATL, China State Construction, Ping An, ICBC, Huawei, Xiaomi, COSCO Shipping, State Grid, China Three Gorges, Baowu Steel, Midea, JD.com
JPY: Toyota, Sony, Honda, Nintendo, SoftBank, Hitachi, Panasonic, Mitsubishi UFJ, Fast Retailing, Nissan
USD: Apple, Microsoft, Nvidia, Exxon Mobil, Walmart, Ford, Boeing, JPMorgan Chase, Intel, Chevron, Amazon, Alphabet, Tesla
GBP: HSBC, Barclays, BP, Tesco, Unilever, Rolls-Royce, Vodafone, Lloyds
EUR: Siemens, Volkswagen, BMW, TotalEnergies, LVMH, SAP, Airbus, BASF, Stellantis, Allianz
INR: Tata Motors, Reliance Industries, Infosys, Adani Ports, HDFC Bank, Wipro, Larsen & Toubro, Coal India
KRW: Samsung Electronics, SK Hynix, Hyundai Motor, LG Energy Solution, Kia
BRL: Petrobras, Vale, Itau Unibanco, Embraer
AUD: BHP, Rio Tinto, Woodside, Commonwealth Bank, Fortescue
CAD: Shopify, Royal Bank of Canada, Enbridge, Suncor
SGD: DBS, Singtel, Sembcorp
CHF: Nestle, Novartis, Roche, UBS, ABB
SAR: Saudi Aramco, SABIC, Al Rajhi Bank
"""


def _countries(table: str) -> tuple[Country, ...]:
    rows = (line.split(" | ") for line in table.strip().splitlines())
    return tuple(
        Country(n, adj, tuple(c.split(", ")), cur, ag, bk) for n, adj, c, cur, ag, bk in rows
    )


def _companies(table: str) -> dict[str, tuple[str, ...]]:
    pairs = (line.split(": ", 1) for line in table.strip().splitlines())
    return {code: tuple(names.split(", ")) for code, names in pairs}


COUNTRIES = _countries(_COUNTRY_TABLE)
COMPANIES = _companies(_COMPANY_TABLE)

SOE_SUBJECTS: tuple[str, ...] = (
    "central SOEs", "China's SOEs", "centrally administered SOEs", "local SOEs",
    "state-owned enterprises", "SOE-controlled listed companies", "provincial SOEs",
    "the country's state-owned firms",
)  # fmt: skip
CLUBS: tuple[str, ...] = (
    "Manchester United", "Real Madrid", "Bayern Munich", "Paris Saint-Germain", "Arsenal",
    "the Los Angeles Lakers", "the Dallas Cowboys", "Juventus", "Chelsea", "the New York Yankees",
    "Al-Hilal", "Shanghai Port", "the Golden State Warriors", "Liverpool", "Barcelona",
)  # fmt: skip
LEAGUES: tuple[str, ...] = (
    "the Premier League", "the NBA", "the NFL", "La Liga", "the Bundesliga",
    "the Indian Premier League", "Formula One", "the Saudi Pro League", "Major League Baseball",
)  # fmt: skip
FIRST_NAMES: tuple[str, ...] = (
    "Wang", "Li", "Zhang", "Kenji", "Yuki", "Sarah", "David", "Maria", "Rahul", "Priya", "James",
    "Elena", "Thomas", "Ana", "Min-jun", "Olivia", "Ahmed", "Fatima", "Lucas", "Chen", "Hiroshi",
    "Emma", "Carlos", "Ingrid", "Mei", "Daniel", "Aisha", "Pierre",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Wei", "Tanaka", "Smith", "Garcia", "Sharma", "Kim", "Muller", "Dubois", "Rossi", "Silva",
    "Nguyen", "Brown", "Okafor", "Lindqvist", "Patel", "Hernandez", "Suzuki", "Cohen", "Zhou",
    "O'Brien", "Kowalski", "Haddad", "Fernandes", "Yamamoto", "Clarke",
)  # fmt: skip
TITLES: tuple[str, ...] = (
    "chief executive", "chief financial officer", "chief economist", "senior analyst",
    "head of research", "chairman", "portfolio manager", "deputy director", "spokesperson",
    "head of Asia economics", "strategist", "minister", "vice president", "economist",
)  # fmt: skip
ORGS: tuple[str, ...] = (
    "Capital Economics", "Nomura", "Goldman Sachs", "Morgan Stanley", "ING", "Oxford Economics",
    "UBS", "Citi", "Moody's", "S&P Global", "Fitch Ratings", "the IMF", "the World Bank",
    "Natixis", "Standard Chartered", "Macquarie", "BloombergNEF", "Rystad Energy", "Counterpoint",
    "Deloitte", "KPMG", "Societe Generale", "Barclays Research", "ANZ",
)  # fmt: skip
OUTLETS: tuple[str, ...] = (
    "Reuters", "Xinhua", "Bloomberg", "AP", "AFP", "China Daily", "Nikkei Asia", "The Guardian",
    "Global Times", "The Economic Times", "Financial Post", "The Straits Times", "Caixin",
)  # fmt: skip
CONCERNS: tuple[str, ...] = (
    "weak consumer demand", "trade tensions", "a property slump", "sticky inflation",
    "tariff uncertainty", "a strong dollar", "slowing global growth", "geopolitical risks",
    "tight labour markets", "falling commodity prices", "supply chain disruptions",
    "high borrowing costs", "deflationary pressure", "a stretched consumer", "policy uncertainty",
    "overcapacity in key industries", "energy security", "climate-related costs",
)  # fmt: skip
ENERGY_AGENCIES = ("National Energy Administration", "energy ministry", "grid operator",
                   "International Energy Agency")  # fmt: skip
DRIVERS = ("strong demand", "weaker yen", "cost cuts", "price war", "AI boom", "higher rates",
           "one-off charges")  # fmt: skip
GOODS = ("steel", "soybeans", "electric vehicles", "solar panels", "semiconductors", "rare earths",
         "iron ore", "LNG", "smartphones", "aluminium", "beef", "wine")  # fmt: skip
SECTIONS: tuple[str, ...] = (
    "Business", "Economy", "Markets", "World", "China", "Companies", "Energy", "Technology",
    "Sport", "Property", "Finance", "Opinion",
)  # fmt: skip

# --------------------------------------------------------------------------- templates
#
# A template is text with alternations `[a|b|c]` (one is picked) and slots
# `{NAME}` or `{NAME:ARG}` filled by the functions in SLOTS below. Filler
# templates must stay number-free: their slots only name people and things.

DOMAINS: dict[str, dict[str, tuple[str, ...]]] = {
    "earnings": {
        "headlines": (
            "{E} [posts|reports|books] record {M:bn} [operating profit|net profit|revenue]",
            "{E} [profit|earnings] [jumps|rises|climbs|falls|slides] {P} on {driver}",
            "{E} [beats|misses] forecasts as {PER} sales hit {M:bn}",
            "{E} to cut {N:500-12000 jobs} after [quarterly|annual] loss",
            "{E} raises dividend, [unveils|announces] {M:bn} buyback",
        ),
        "facts": (
            "{E} [reported|posted|booked] [net profit|net income|a net profit] of {M:bn} {PER}, {CHG}.",
            "Revenue [rose|grew|climbed|increased|jumped] {P} to {M:bn}, {vs} analysts' [average estimate|consensus forecast] of {M:bn}.",
            "Operating profit [fell|declined|slipped|dropped] {P} to {M:bn} in {quarter} [ended|to] {D}.",
            "The company [expects|forecast|now sees] full-year [revenue|sales|operating income] of {Q} {M:bn}, [up from|compared with] {M:bn} in {PY}.",
            "Its operating margin [narrowed|widened|improved] by {PP} to {P}.",
            "{E} said it would [buy back|repurchase] up to {M:bn} of its shares and raise its [annual|interim] dividend to {M:unit} per share.",
            "Earnings per share came in at {M:unit}, [against|versus] {M:unit} a year earlier.",
            "The group [employs|has] {Q} {N:2000-400000 people|workers|employees} in {N:10-190 countries} and [runs|operates] {N:12-3500 plants|stores|outlets}.",
            "Capital expenditure [will rise|is set to increase] to {M:bn} in fiscal {NY}, {Q} {P} of sales.",
            "Shares of {E} [rose|fell|jumped|tumbled|closed up|closed down] {P} [in Tokyo|in Hong Kong|in New York|in Frankfurt|in London|on Monday|in early trade|by the close], [valuing the company at|giving it a market value of] {USD:bn}.",
            "{E} [shipped|sold|delivered] {N:20000-9000000 vehicles|units|devices} in {quarter}, {CHG}, its {ORD} [consecutive|straight] quarter of growth.",
            "Free cash flow [reached|came to|totalled|stood at] {M:bn} ({USD:bn}), [more than double|nearly triple|roughly half] the {PY} figure.",
            "[Net debt|Total borrowing] [was cut|fell] to {M:bn} from {M:bn} at the end of {PY}.",
            "Sales in {C} [accounted for|made up|represented] {Q} {P} of the total, [against|compared with|down from|up from] {P} a year ago.",
            "{E} [now expects|guided for] {PR} revenue growth {FYPER}, [narrowing|raising|cutting] its earlier range of {PR}.",
            "Analysts at {ORG} had [expected|forecast|pencilled in] {M:bn}, according to [LSEG data|a Reuters poll|FactSet|a company-compiled consensus].",
        ),
    },
    "statistics": {
        "headlines": (
            "{C}'s [economy|GDP] grows {P} in {quarter}, [beating|missing|matching] forecasts",
            "{Cadj} inflation [eases|accelerates|holds] at {P} in {MONTH}",
            "{Cadj} unemployment rate [rises|falls|holds steady] at {P}",
            "{Cadj} retail sales [rise|fall] {P} as {concern} [weighs|bites]",
            "{Cadj} factory activity [expands|contracts] for {ORD} month",
        ),
        "facts": (
            "Gross domestic product [expanded|grew|rose] {P:0.1-9} in {quarter} from a year earlier, {AGENCY} said on {D}.",
            "[Consumer prices|The consumer price index|Headline inflation] [rose|climbed|increased|edged up] {P:0.1-9} year on year in {MONTH}, [after|following|versus] {P:0.1-9} in {MONTH}.",
            "The [unemployment|jobless] rate [stood at|was|held at|rose to|fell to] {P:2-15}, {PPCHG} from the previous month.",
            "Retail sales [rose|grew|fell|slipped] {P} to {M:tn}, [while|and] industrial output [increased|grew|climbed] {P}.",
            "Fixed-asset investment [totalled|reached|came to] {M:tn} {PER}, {CHG}.",
            "The official manufacturing purchasing managers' index (PMI) [rose|fell|came in] [to|at] {NUM:47-53} in {MONTH}, [above|below] the 50-point mark that separates expansion from contraction.",
            "Per capita disposable income [reached|rose to|hit] {M:k} {PER}, {CHG} in real terms.",
            "The population [shrank|fell|declined|grew] by {N:100000-2900000 people} to {BIG:40-1420 million}, the {ORD} [consecutive|straight] annual [drop|decline|increase].",
            "[Economists|Analysts] polled by [Reuters|Bloomberg|the central bank] had [expected|forecast] growth of {P}, [against|after] {P} in the previous quarter.",
            "The government has set a growth target of {Q} {P:2-7} for {Y}, [the same as|below|matching] last year's goal.",
            "Core inflation, which strips out [volatile|food and energy] prices, [was|came in at|stood at] {P}, {PPCHG}.",
            "{N:120000-5200000 jobs} were [added|created|lost] {PER}, [compared with|against|versus] {N:50000-900000 jobs} a year earlier.",
            "Nominal GDP [reached|topped|exceeded|hit] {M:tn} ({USD:tn}) in {PY}, [making|keeping] {C} the world's {ORD} largest economy.",
            "Youth unemployment for those aged 16 to 24 [rose|fell|eased|jumped] to {P}, [from|after] {P}.",
        ),
    },
    "budget": {
        "headlines": (
            "{C} [sets|unveils|approves] {M:tn} budget for {Y}",
            "{C} [raises|cuts|lifts] deficit target to {P} of GDP",
            "{C} [boosts|raises] defence spending {P} to {M:bn}",
            "{C} to issue {M:tn} in special bonds, [finance ministry|officials] say",
        ),
        "facts": (
            "The government [set|targets|aims for] a budget deficit of {Q} {P:1-8} of GDP for {Y}, [up from|compared with|down from] {P:1-8} last year.",
            "[Total spending|Public expenditure|General budget spending] [will rise|is set to grow|is projected to increase] {P} to {M:tn}, the finance ministry said.",
            "Defence spending will [increase|rise|grow] {P} to {M:bn}, the {ORD} [straight|consecutive] year of [growth|increase] above {P}.",
            "The plan includes {M:tn} of ultra-long special treasury bonds and {M:tn} of local government special bonds.",
            "Tax revenue [rose|fell|grew|declined] {P} {PER} to {M:tn}, while non-tax revenue [jumped|fell] {P}.",
            "Public debt [is expected to|will] [reach|climb to|peak at] {Q} {P} of GDP by {FUTURE}, [from|up from] {P} in {PY}.",
            "The budget [earmarks|allocates|sets aside] {M:bn} for [education|health care|infrastructure|housing subsidies|green energy|the armed forces] and {M:bn} for [pensions|transfers to regions|debt interest].",
            "Interest payments [will consume|are set to take] {Q} {P} of revenue, [or|equal to] {M:bn}.",
            "[Lawmakers|Parliament|The cabinet] approved {W:groups|packages|measures} of [tax cuts|stimulus measures|spending reforms] worth a combined {M:bn}.",
            "The {FYP} [calls for|targets|envisages] spending {M:tn} on [infrastructure|research and development|the energy transition] over {W:years}.",
            "The shortfall [narrowed|widened] to {M:bn} in the fiscal year to {D}, {M:bn} [below|above] the [Office for Budget Responsibility's|official|treasury] forecast.",
        ),
    },
    "trade": {
        "headlines": (
            "{Cadj} exports [rise|fall|jump|slump] {P} in {MONTH}; trade surplus at {USD:bn}",
            "{C} [imposes|raises|cuts] tariffs to {P} on {goods}",
            "{Cadj} imports [beat|miss] expectations as {goods} shipments [surge|slide]",
        ),
        "facts": (
            "Exports [rose|grew|jumped|fell|declined] {P} year on year in {MONTH} to {USD:bn}, customs data showed on {D}.",
            "Imports [rose|fell|slipped|climbed] {P}, leaving a trade surplus of {USD:bn}, [up from|down from|compared with] {USD:bn} in {MONTH}.",
            "Shipments of {goods} [surged|jumped|fell|slumped] {P} to {BIG:1-900 million tonnes}, the [highest|lowest] since {PY}.",
            "[Washington|The government|Brussels|Beijing] [raised|lifted|cut|lowered] tariffs on {goods} to {P} from {P}, [affecting|covering] {Q} {USD:bn} of [annual trade|goods].",
            "Trade with [ASEAN|the European Union|the United States|Africa|Latin America] [totalled|reached|came to|stood at] {M:tn} {PER}, {CHG}.",
            "Container throughput at [Shanghai|Singapore|Rotterdam|Los Angeles|Busan] [reached|hit|topped] {BIG:2-50 million TEUs} {PER}, {CHG}.",
            "[Analysts|Economists] at {ORG} [estimate|reckon|calculate] the new duties could [shave|take|knock] {PP} off [growth|GDP] {FYPER}.",
            "The current account surplus [widened|narrowed] to {P} of GDP, or {USD:bn}.",
            "Outbound direct investment [rose|fell] {P} to {USD:bn}, with {N:1200-8000 companies} [investing|setting up operations] in {N:40-170 countries and regions}.",
            "Exports of electric vehicles [rose|surged|climbed] {P} to {N:100000-2500000 units}, [worth|valued at] {USD:bn}.",
        ),
    },
    "central_bank": {
        "headlines": (
            "{BANK} [cuts|raises|holds] rates [by|at] {PP}",
            "{BANK} [keeps|leaves] benchmark rate at {P}, signals [cuts|patience|hikes] ahead",
            "{BANK} [trims|cuts] reserve requirement ratio to release {M:tn}",
            "{Cadj} foreign exchange reserves [rise|fall] to {USD:tn}",
        ),
        "facts": (
            "{BANK} [cut|lowered|raised|lifted] its [benchmark|key|policy] interest rate by {PP} to {P:0.1-7}, [as expected|surprising markets|in line with forecasts].",
            "{BANK} [left|kept|held] its [policy|benchmark] rate [unchanged|steady] at {P:0.1-7} for a {ORD} [straight|consecutive] meeting.",
            "The reserve requirement ratio [cut|reduction] of {PP} will [release|inject|free up] about {M:tn} of long-term liquidity, {BANK} said.",
            "Foreign exchange reserves [rose|fell|edged up|slipped] to {USD:tn} at the end of {MONTH}, [from|versus] {USD:tn} a month earlier.",
            "[Markets|Traders|Futures] are [pricing|betting on] {W:more cuts|rate cuts|hikes} [this year|by year-end|before December], [or|worth] about {PP} of easing.",
            "The {BANK_SHORT} [expects|projects|sees] inflation [returning|falling|rising] to its {P:1-3} target by {FUTURE}, and growth of {PR} {FYPER}.",
            "Its balance sheet has [shrunk|grown|expanded|contracted] by {M:tn} since {PY} to {M:tn}.",
            "[Bond yields|The 10-year yield|Two-year yields] [rose|fell|dropped|jumped] {N:2-25} basis points to {P:0.5-6} after the decision.",
            "The [yuan|yen|euro|pound|rupee|dollar] [weakened|strengthened|firmed|slipped] {P} to {NUM:6-160} per dollar, its [weakest|strongest] level since {PY}.",
            "{W:members|policymakers} of the {N:5-12 -member|-strong} [committee|board] voted for the move, [while|and] {W:members|others} [dissented|preferred a larger cut|wanted no change].",
            "The loan prime rate [was cut|fell|stayed] to {P:2.5-4.5}, [while|and] the five-year LPR, [a reference for mortgages|which guides mortgage pricing], [stood|was set] at {P:3-5}.",
        ),
    },
    "energy": {
        "headlines": (
            "Oil [rises|falls|climbs|slides] to {USD:unit} a barrel as {concern} [weighs|lingers]",
            "{C} adds record {NUM:50-300} GW of solar capacity in {Y}",
            "{E} to invest {M:bn} in [offshore wind|green hydrogen|LNG|nuclear power|grid upgrades]",
            "OPEC+ to [raise|cut] output by {BIG:100-2000 thousand barrels per day}",
        ),
        "facts": (
            "Brent crude futures [rose|fell|settled|were down|were up] {P} at {USD:unit} a barrel, while U.S. West Texas Intermediate [crude|futures] [gained|lost|traded at] {USD:unit}.",
            "[Output|Production|Crude production] [averaged|reached|rose to|fell to] {BIG:1-13 million barrels per day} {PER}, {CHG}.",
            "{C} [installed|added|connected] {Q} {NUM:20-300} gigawatts (GW) of solar capacity {PER}, bringing the total to {Q} {NUM:200-900} GW.",
            "[Power consumption|Electricity use|Power demand] [rose|increased|grew] {P} to {BIG:500-9800 billion kilowatt-hours}, the {AGENCY_ENERGY} said.",
            "{E} [will invest|plans to spend|has committed] {M:bn} ({USD:bn}) [in|on] [renewables|low-carbon projects|new refineries|upstream projects] {FYPER}.",
            "Coal [production|output|imports] [rose|fell|hit a record] {BIG:2-4800 million tonnes} {PER}, {CHG}.",
            "The [project|plant|farm] will [have|add] {NUM:1-20} GW of capacity, enough to power {N:100000-6000000 homes}, and [cost|is expected to cost] {Q} {M:bn}.",
            "Carbon emissions [fell|rose|declined|increased] {P} {PER}, the {ORD} [annual|straight] [decline|increase], according to {ORG}.",
            "Sales of new energy vehicles [rose|grew|jumped|surged] {P} to {N:1000000-13000000 units}, [or|accounting for|making up] {Q} {P} of new car sales.",
            "[Natural gas|LNG|Dutch TTF gas] prices [rose|fell|jumped|dropped] {P} to {X:unit} per [megawatt-hour|million British thermal units].",
        ),
    },
    "housing": {
        "headlines": (
            "{Cadj} home prices [fall|rise|slip|climb] {P} in {MONTH}, [extending|ending] slump",
            "{E} [defaults on|restructures|misses payment on] {USD:bn} in offshore debt",
            "{Cadj} mortgage rates [hit|drop to|climb to] {P}, [lowest|highest] since {PY}",
            "[Property|Home] sales in {C} [slump|rebound|slide] {P} {PER}",
        ),
        "facts": (
            "New home prices in [major|first-tier|the main] cities [fell|rose|slipped|edged up] {P} month on month in {MONTH}, {AGENCY} data showed.",
            "Property sales by floor area [fell|declined|dropped|rose] {P} to {BIG:80-1200 million square metres} {PER}, while sales by value [slid|fell|rose] {P} to {M:tn}.",
            "Property investment [fell|dropped|contracted|declined] {P} year on year to {M:tn}.",
            "The average [30-year fixed|five-year|two-year fixed] mortgage rate [rose|fell|climbed|eased] to {P:2-8}, [according to|data from] [Freddie Mac|Moneyfacts|the central bank|Realtor.com].",
            "Housing starts [rose|fell|jumped|slumped] {P} to a [seasonally adjusted annual rate|pace] of {N:900000-1800000 units}.",
            "The [median|average] home price [reached|rose to|fell to|stood at] {M:k}, [or|roughly] {NUM:5-30} times median household income.",
            "{E} [has|carries] {Q} {USD:bn} of liabilities and [missed|delayed] a coupon payment of {USD:m} due on {D}.",
            "The city will [offer|provide] subsidies of up to {M:k} per [household|buyer|flat] and [cut|lower] down payments to {P}.",
            "[Developers|Builders] completed {N:10000-900000 homes} {PER}, [short of|above|below] the {N:20000-1500000 homes} target.",
            "[Unsold|Vacant] inventory [rose|climbed|swelled] to {BIG:100-700 million square metres}, [equal to|enough for] {NUM:12-30} months of sales.",
        ),
    },
    "tech": {
        "headlines": (
            "{E} [unveils|announces|commits] {M:bn} AI [investment|push|data centre plan]",
            "Global [smartphone|PC|chip] shipments [rise|fall|grow] {P} in {quarter}",
            "{E} [reaches|tops|hits] {BIG:100-3000 million} [monthly|daily] users",
            "{E} [valued at|raises funds at] {USD:bn} in latest round",
        ),
        "facts": (
            "Global smartphone shipments [rose|fell|grew|declined] {P} to {BIG:250-330 million units} in {quarter}, according to {ORG}.",
            "{E} [will spend|plans to invest|has earmarked] {Q} {M:bn} on [AI infrastructure|data centres|chip plants|cloud capacity] {FYPER}, up from {M:bn} in {PY}.",
            "The company [now has|reported|said it had] {BIG:10-3000 million} monthly active users, {CHG}.",
            "[Semiconductor|Chip] sales [rose|jumped|grew|surged] {P} to {USD:bn} {PER}, the Semiconductor Industry Association said.",
            "Research and development spending [rose|climbed|increased] {P} to {M:bn}, [equal to|or] {P} of revenue.",
            "{C} [built|has built|added] {N:300000-4400000 5G base stations} [so far in|by the end of] {Y}, [covering|serving] {Q} {P} of the population.",
            "The [start-up|firm|company] raised {USD:m} in a [Series B|Series C|funding] round led by {ORG}, valuing it at {USD:bn}.",
            "Cloud revenue [rose|grew|jumped] {P} to {M:bn}, [accelerating|slowing] from {P} growth in the previous quarter.",
            "[Data centre|Server] capacity will [reach|grow to|double to] {NUM:1-90} gigawatts by {FUTURE}, [requiring|at a cost of] {Q} {USD:bn} of investment.",
            "{E} [employs|has hired] {Q} {N:1000-90000 engineers|researchers} and [files|filed] {N:1000-60000 patents} {PER}.",
        ),
    },
    "sports": {
        "headlines": (
            "{CLUB} [agree|complete|seal] {M:m} deal for [striker|midfielder|defender|forward]",
            "{LEAGUE} [signs|agrees|lands] {USD:bn} broadcast deal",
            "{CLUB} revenue [hits|tops|rises to] record {M:m}",
            "{CLUB} [sold|valued] at {USD:bn} in record takeover",
        ),
        "facts": (
            "{CLUB} [agreed|completed|sealed] a [fee|deal|transfer] of {Q} {M:m}, [including|plus|with] {M:m} in add-ons, [for|to sign] the {N:19-31}-year-old.",
            "{LEAGUE} [signed|agreed|struck] a {W:year|season} broadcast deal worth {USD:bn}, [up|a rise of] {P} on the previous contract.",
            "{CLUB} [reported|posted] record revenue of {M:m} for the season to {D}, {CHG}, [while|but] wages [rose|climbed] to {M:m}.",
            "[Average|Total] attendance [reached|rose to|topped] {N:20000-75000 fans} per game, [and|while] [season-ticket|matchday] income [grew|rose] {P}.",
            "The [takeover|sale|deal] valued {CLUB} at {USD:bn} including debt, [making it|the] {ORD} most valuable [club|franchise|team] in the world.",
            "The salary cap [rises|will rise|was set] to {USD:m} for the {SEASON} season, [up|an increase of] {P}.",
            "[Sponsorship|Commercial] income [rose|jumped|fell] {P} to {M:m} after a {W:year} shirt deal with [an airline|a sportswear maker|a fintech firm|a car maker].",
            "{LEAGUE} clubs [spent|paid out] {Q} {M:bn} on transfers in the [summer|January] window, [beating|short of] the record of {M:bn} set in {PY}.",
            "The [stadium|arena] will [hold|seat] {N:30000-90000 spectators} and cost {Q} {M:m}, [funded|financed] by {W:banks|investors}.",
        ),
    },
    "soe": {
        "headlines": (
            "{SOE} [profits|assets|revenue] [rise|grow|climb] {P} in {PER_SHORT}",
            "SASAC: {SOE} R&D spending [exceeds|tops|tops] {M:tn} for {W:years} in a row",
            "{SOE} [build|complete|launch] {N:200-3000 smart factories} under {FYP}",
            "{SOE} to [invest|pour] {M:tn} in strategic emerging industries",
        ),
        "facts": (
            "The total assets of {SOE} [grew|rose|increased] from {M:tn} in {PY} to {M:tn} in {Y}, while total profits [rose|grew] from {M:tn} to {M:tn}.",
            "{SOE} [reported|posted|achieved] total profits of {M:tn} {PER}, {CHG}, the State-owned Assets Supervision and Administration Commission (SASAC) said.",
            "[Central|Centrally administered] SOE assets [grew|rose] from {Q} {M:tn} to {Q} {M:tn} ({USD:tn}) during the {FYP}.",
            "R&D [spending|investment|expenditure] by {SOE} [exceeded|surpassed|topped|reached] {M:tn} [annually|a year] for {W:consecutive years}, SASAC said.",
            "{SOE} have [built|set up|completed] {N:200-3000 smart factories} and {N:10-900 innovation platforms} [so far|to date|since] {PY}.",
            "[Investment|Spending] in strategic emerging industries [reached|hit|totalled] {M:tn} {PER}, [accounting for|or] {Q} {P} of their total investment.",
            "The number of central SOEs has [fallen|been cut|shrunk] to {N:97-98} [through|after] mergers, from {N:117-196} in {OLDYEAR}.",
            "{SOE} [paid|handed over|contributed] {M:tn} in taxes and fees {PER}, [up|rising] {P} year on year.",
            "Operating revenue [reached|rose to|hit] {M:tn}, {CHG}, [while|and] the debt-to-asset ratio [stood|remained|held] at {P}, {PPCHG}.",
            "{W:groups|pairs} of central SOEs were [merged|restructured|reorganised] {PER}, [creating|forming] [giants|groups] in [shipping|steel|chemicals|rare earths|logistics] with assets of {Q} {M:tn}.",
            "The [regulator|commission|SASAC] [aims|wants|plans] to [raise|lift|increase] the share of R&D in revenue to {Q} {P} by {FUTURE}.",
        ),
    },
}

GENERIC_FACTS: tuple[str, ...] = (
    "That compares with {X:bn} {PER}, according to {ORG}.",
    "[The figure|That] is {Q} {P} [higher|lower] than [a year earlier|the previous record|in {PY}].",
    "[Analysts|Economists] at {ORG} [expect|forecast|see] growth of {PR} in {NY}, [down|up] from {P} in {Y}.",
    "[In|Back in] {OLDYEAR}, the [figure|number|total] was {Q} {X:bn}.",
    "The [plan|programme|scheme] runs until {FUTURE} and [covers|includes] {N:12-4000 projects}.",
    "{ORG} [estimates|calculates|reckons] the [cost|bill|impact] at {Q} {USD:bn}, or {P} of GDP.",
    "About {P} of [respondents|firms surveyed|households] said they [planned to|expected to] [cut|raise|hold] spending, [a survey of|according to a poll of] {N:300-9000 companies|people} showed.",
    "The [index|benchmark|gauge] [rose|fell|climbed|slipped] {P} to {NUM:1000-40000} points, [its highest|its lowest|the best|the worst] close since {D}.",
)

FILLER: tuple[str, ...] = (
    "[Analysts|Economists|Observers|Investors] said the outlook remained [uncertain|clouded|fragile] amid {concern}.",
    '"We remain [confident|cautious|optimistic] about the [long-term|medium-term] outlook," {PERSON}, {TITLE} at {ORG}, said in a [statement|note|briefing].',
    '"[The data|These numbers|The figures] [suggest|show|confirm] that {concern} [is|remains] the main risk," said {PERSON}, {TITLE} at {ORG}.',
    "The [ministry|company|regulator|bank] did not [respond to|immediately respond to|reply to] a request for comment.",
    "[Officials|Policymakers] have [pledged|promised|vowed] to [step up|strengthen|roll out] support [for the private sector|for consumers|for exporters|where needed].",
    "[Some|Many] [investors|analysts|economists] [worry|fear|suspect] that {concern} could [weigh on|dent|derail] the recovery.",
    "The [move|decision|announcement] [came as|follows|comes amid] {concern} and [mounting|growing|renewed] [pressure|calls] for [action|stimulus|reform].",
    "{PERSON}, [who|a veteran analyst who] [covers|follows|tracks] the sector for {ORG}, said the [results|numbers|figures] were [broadly in line|mixed|encouraging|disappointing].",
    "The [government|cabinet|ministry] is expected to [unveil|announce|outline] [further|more detailed|targeted] measures [later this year|in the coming weeks|at a key meeting].",
    "[Critics|Opposition lawmakers|Labour unions] [argue|say|warn] the [plan|policy|deal] [does too little|goes too far|lacks detail] to address {concern}.",
    "[Meanwhile|Separately|Elsewhere], {E} said it would [review|reassess|revisit] its [strategy|plans|investments] in [Europe|Asia|North America|emerging markets].",
    "[Market reaction was muted|Markets took the news in their stride|The news rattled markets], as [traders|investors] [focused on|looked ahead to|awaited] [upcoming data|the next policy meeting|corporate earnings].",
    "The [report|survey|data] [did not give|gave no] [details|a breakdown|a timeline] [on|of|for] how the [targets|measures|funds] would be [met|implemented|allocated].",
    "[According to|Citing] people familiar with the matter, the [talks|negotiations|discussions] [are at an early stage|have stalled|are progressing].",
    "[It was not immediately clear|It remains to be seen|Nobody yet knows] whether the [measures|plans|changes] will [be enough|succeed|last].",
    '"[This is a turning point|We are not out of the woods yet|The worst may be behind us]," {PERSON} told {OUTLET}.',
    "The {Cadj} [government|leadership] has [repeatedly|consistently|often] [stressed|emphasised|said] the need for [high-quality development|self-reliance|fiscal discipline|stable growth].",
    "[Those|These] [comments|remarks] [echoed|contrasted with|built on] [earlier statements|guidance] from {BANK}.",
    "The [sector|industry|market] has been [hit|hurt|buoyed|lifted] by {concern} [in recent months|this year|since the pandemic].",
    "[Shares|Stocks|Bonds] [in the sector|of rival firms|across the region] [were mixed|moved little|rallied|slumped] [on the news|after the announcement|in afternoon trade].",
)

QUOTE_LEADS: tuple[str, ...] = (
    "{PERSON}, {TITLE} at {ORG}, said:",
    "In a note to clients, {ORG} wrote:",
    "Speaking at a [conference|briefing|press conference] in {CITY}, {PERSON} said:",
)

RELATED_HEADERS: tuple[str, ...] = (
    "Related Articles", "Related Stories", "You may also like", "Read more", "More from Business",
    "RELATED COVERAGE", "Recommended", "Most Read",
)  # fmt: skip
FURNITURE_TOP: tuple[str, ...] = (
    "Advertisement", "Share", "Listen to this article", "Print this page", "Font size: A A A",
    "Skip to main content", "Subscribe", "Sign in", "Menu", "Save article", "Gift this article",
)  # fmt: skip
FURNITURE_BOTTOM: tuple[str, ...] = (
    "0 Comments", "Back To Top", "Share this article", "Sign up for our newsletter",
    "Terms of Use | Privacy Policy | Cookie Settings", "Advertisement", "Follow us on X",
    "Comments ({N:1-480})", "Our Standards: The Thomson Reuters Trust Principles.",
    "Copyright © {Y} {OUTLET}. All rights reserved.", "Was this article helpful? Yes | No",
    "Top of page", "Download the app", "Most Popular", "Licensing Rights",
)  # fmt: skip

# --------------------------------------------------------------------------- article context


@dataclass
class Ctx:
    """Everything one article stays consistent about while its sentences are drawn."""

    rng: random.Random
    domain: str
    country: Country
    currency: str
    entity: str
    year: int
    date: dt.date
    outlet: str
    convert: float  # probability that a money figure gets a conversion in parentheses


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
MONTHS_ABBR = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
               "Nov", "Dec")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")  # fmt: skip
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth")  # fmt: skip
QUALIFIERS = ("over", "more than", "under", "nearly", "about", "around", "roughly", "almost",
              "surpassing", "exceeding", "at least", "up to", "less than", "some",
              "approximately", "close to", "just over", "well above")  # fmt: skip
SCALES: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    # key: (multiplier, long words, abbreviations)
    "k": (1e3, ("thousand",), ("k",)),
    "m": (1e6, ("million",), ("m", "mn", "mln", "M")),
    "bn": (1e9, ("billion",), ("bn", "b", "bln", "B")),
    "tn": (1e12, ("trillion",), ("tn", "trn", "T", "tln")),
}


def make_ctx(rng: random.Random) -> Ctx:
    """Draw the subject, country, currency, dates and outlet one article keeps to."""
    domain = rng.choice(tuple(DOMAINS))
    country = COUNTRIES[0] if domain == "soe" else rng.choice(COUNTRIES)
    currency = country.currency
    if domain == "earnings":
        currency = rng.choice(tuple(COMPANIES))
        country = next((c for c in COUNTRIES if c.currency == currency), country)
    elif domain == "sports":
        currency = rng.choice(("GBP", "GBP", "EUR", "USD", "SAR"))
    entity = _entity(rng, domain, currency)
    year = rng.randint(2016, 2025)
    date = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    return Ctx(rng, domain, country, currency, entity, year, date, rng.choice(OUTLETS),
               rng.choice((0.0, 0.1, 0.3, 0.5)))  # fmt: skip


def _entity(rng: random.Random, domain: str, currency: str) -> str:
    if domain == "soe":
        return rng.choice(SOE_SUBJECTS)
    if domain == "sports":
        return rng.choice(CLUBS)
    return rng.choice(COMPANIES.get(currency) or COMPANIES["USD"])


# --------------------------------------------------------------------------- numbers


def fmt_decimal(rng: random.Random, value: float, commas: bool = True) -> str:
    """A figure as an article would print it: 0-2 decimals, thousands separators mostly."""
    places = 0 if value >= 1000 else rng.choice((0, 1, 1, 1, 2))
    if value < 10:
        places = max(places, rng.choice((0, 1, 1, 2)))
    text = f"{value:,.{places}f}" if commas and rng.random() > 0.08 else f"{value:.{places}f}"
    return text


def number_in(rng: random.Random, lo: float, hi: float) -> float:
    """A value between lo and hi, log-uniform so small and large values both appear."""
    if lo <= 0:
        return rng.uniform(lo, hi)
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def scaled_money(rng: random.Random, scale: str) -> tuple[float, str]:
    """A value in units of `scale` ("k", "m", "bn", "tn" or "unit") and the value in units."""
    ranges = {"unit": (0.5, 500.0), "k": (1.0, 950.0), "m": (1.0, 990.0), "bn": (1.0, 990.0),
              "tn": (0.5, 120.0)}  # fmt: skip
    lo, hi = ranges[scale]
    figure = number_in(rng, lo, hi)
    if scale == "unit":
        return figure, ""
    return figure, scale


def money_text(rng: random.Random, currency: Currency, figure: float, scale: str) -> str:
    """Write `figure` `scale` in `currency` in one of its many notations."""
    if currency.code == "INR" and scale in ("m", "bn", "tn") and rng.random() < 0.3:
        return _crore(rng, currency, figure * SCALES[scale][0])
    num = fmt_decimal(rng, figure)
    if scale == "k" and rng.random() < 0.7:  # thousands are mostly written out in full
        num, scale = fmt_decimal(rng, round(figure * 1000)), ""
    long_word = SCALES[scale][1][0] if scale else ""
    abbr = rng.choice(SCALES[scale][2]) if scale else ""
    style = rng.random()
    if style < 0.45:  # $1.2bn, €450 million, ¥22 trillion
        sym = rng.choice(currency.symbols)
        tail = (abbr if rng.random() < 0.45 else f" {long_word}") if scale else ""
        return f"{sym}{num}{tail}"
    if style < 0.8:  # 71.4 trillion yuan, 2.5 billion pounds
        word = rng.choice(currency.words)
        return f"{num} {long_word} {word}" if scale else f"{num} {word}"
    code = rng.choice(currency.codes)  # RMB 5 trillion, USD 340bn, 5 trillion RMB
    tail = f" {long_word}" if scale else ""
    return f"{code} {num}{tail}" if rng.random() < 0.7 else f"{num}{tail} {code}"


def _crore(rng: random.Random, currency: Currency, value: float) -> str:
    sym = rng.choice(("Rs ", "₹", "Rs. ", "INR "))
    crores = value / 1e7
    if crores >= 1e5 and rng.random() < 0.5:
        return f"{sym}{fmt_decimal(rng, crores / 1e5)} lakh crore"
    return f"{sym}{fmt_decimal(rng, round(crores))} crore"


def auto_scale(value: float) -> tuple[float, str]:
    """Express a value in units as a figure and the largest scale that keeps it >= 1."""
    for key in ("tn", "bn", "m"):
        mult = SCALES[key][0]
        if value >= mult:
            return value / mult, key
    return value, "unit"


def money(ctx: Ctx, scale: str, code: str | None = None, convert: bool = True) -> str:
    """A money phrase, sometimes followed by its conversion in parentheses."""
    rng = ctx.rng
    currency = CURRENCIES[code or ctx.currency]
    figure, key = scaled_money(rng, scale)
    text = money_text(rng, currency, figure, key)
    if convert and currency.code != "USD" and rng.random() < ctx.convert:
        units = figure * (SCALES[key][0] if key else 1.0)
        text += f" ({_conversion(ctx, units * currency.usd_rate, currency)})"
    return text


def _conversion(ctx: Ctx, usd: float, source: Currency) -> str:
    """The dollar equivalent of a figure, with a hedge or the rate used."""
    rng = ctx.rng
    figure, key = auto_scale(usd * rng.uniform(0.97, 1.03))
    usd_text = money_text(rng, CURRENCIES["USD"], figure, "" if key == "unit" else key)
    prefix = rng.choice(("", "", "about ", "roughly ", "around ", "nearly ", "some ", "≈"))
    if rng.random() < 0.1:
        rate = 1 / source.usd_rate
        return f"{usd_text}; $1 = {fmt_decimal(rng, rate)} {source.code}"
    return prefix + usd_text


def percent(rng: random.Random, lo: float = 0.1, hi: float = 45.0) -> str:
    """A percentage in one of its notations: 3.9 percent, 3.9%, 3.9 per cent, 3.9 pct."""
    value = rng.uniform(lo, hi) if rng.random() < 0.6 else number_in(rng, lo, hi)
    num = f"{value:.{rng.choice((0, 1, 1, 1, 2))}f}"
    unit = rng.choice(("%", "%", "%", " percent", " percent", " per cent", " pct", "pc", " %"))
    return num + unit


def percent_range(rng: random.Random) -> str:
    """A percentage range: 5-6%, 5 to 6 percent, between 5% and 6%."""
    lo = rng.randint(1, 9) + rng.choice((0.0, 0.0, 0.5))
    hi = lo + rng.choice((0.5, 1.0, 1.0, 2.0))
    a, b = f"{lo:g}", f"{hi:g}"
    dash = rng.choice(("-", "-", "–", " to "))
    return rng.choice((f"{a}{dash}{b}%", f"{a}{dash}{b} percent", f"between {a}% and {b}%",
                       f"{a}{dash}{b} per cent", f"{a}%-{b}%"))  # fmt: skip


def points(rng: random.Random) -> str:
    """A change in points: 0.3 percentage points, 25 basis points, 50 bps."""
    if rng.random() < 0.5:
        bps = rng.choice((5, 10, 15, 20, 25, 25, 25, 50, 50, 75, 100))
        return f"{bps} {rng.choice(('basis points', 'basis points', 'bps', 'bp'))}"
    value = rng.choice((0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.2, 1.5, 2.0))
    return (
        f"{value:g} {rng.choice(('percentage points', 'percentage point', 'points', 'ppt', 'pp'))}"
    )


def count(rng: random.Random, lo: int, hi: int) -> str:
    """A count written as a word when small, else with thousands separators or 'million'."""
    n = round(number_in(rng, max(lo, 1), hi)) if hi > lo else lo
    if n <= 12 and rng.random() < 0.7:
        return NUMBER_WORDS[n]
    if n >= 1_000_000 and rng.random() < 0.5:
        return f"{fmt_decimal(rng, n / 1e6)} million"
    if n >= 100 and rng.random() < 0.3:  # round figures are what articles mostly print
        n = int(float(f"{n:.2g}"))
    return f"{n:,}" if rng.random() > 0.1 else str(n)


def ordinal(rng: random.Random, n: int | None = None) -> str:
    """An ordinal word (third) or figure (21st)."""
    n = n if n is not None else rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 21, 22))
    if n <= 12 and rng.random() < 0.75:
        return ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------- dates and periods


def date_phrase(ctx: Ctx) -> str:
    """A date near the article's: May 13, 13 May, Tuesday, May 13, 2025, 2025-05-13."""
    rng = ctx.rng
    d = ctx.date - dt.timedelta(days=rng.randint(0, 120))
    return rng.choice((
        f"{MONTHS[d.month - 1]} {d.day}", f"{d.day} {MONTHS[d.month - 1]}", WEEKDAYS[d.weekday()],
        f"{MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{MONTHS_ABBR[d.month - 1]}. {d.day}", d.isoformat(), f"March 31, {d.year}",
    ))  # fmt: skip


def quarter(ctx: Ctx) -> str:
    """A quarter with its article where it needs one: the third quarter, Q3 2024."""
    rng = ctx.rng
    q = rng.randint(1, 4)
    nth = ORDINAL_WORDS[q - 1]
    first = ("January", "April", "July", "October")[q - 1]
    last = ("March", "June", "September", "December")[q - 1]
    return rng.choice((
        f"the {nth} quarter", f"Q{q}", f"the {nth} quarter of {ctx.year}", f"the {first}-{last} quarter",
        f"Q{q} {ctx.year}", f"the three months to {last}", f"the {nth} quarter of fiscal {ctx.year}",
        f"{q}Q{ctx.year % 100:02d}",
    ))  # fmt: skip


def period(ctx: Ctx) -> str:
    """A period phrase: in 2024, in the first four months, in the January-April period, last year."""
    rng = ctx.rng
    y = ctx.year
    m = rng.randint(2, 11)
    return rng.choice((
        f"in {y}", f"in {y - 1}", "last year", f"in {quarter(ctx)}",
        f"in the first {NUMBER_WORDS[m]} months of {y}", f"in the first {NUMBER_WORDS[m]} months",
        f"in the January-{MONTHS[m - 1]} period", f"in the first half of {y}", "in the first half",
        f"for the fiscal year ended March 31, {y}", f"in fiscal {y}", f"in FY{y % 100:02d}",
        f"in {MONTHS[m - 1]}", f"in the {y - 1}-{y % 100:02d} fiscal year", f"from January to {MONTHS[m - 1]}",
        f"in {MONTHS[m - 1]} {y}", "so far this year", f"during the {five_year_plan(ctx)}",
    ))  # fmt: skip


def five_year_plan(ctx: Ctx) -> str:
    """A Five-Year Plan: the 14th Five-Year Plan (2021-2025), the 15th Five-Year Plan period."""
    rng = ctx.rng
    n = rng.choice((12, 13, 14, 14, 14, 15))
    start = 2011 + (n - 12) * 5
    end = start + 4
    dash = rng.choice(("-", "–"))
    span = rng.choice((f"{start}{dash}{end}", f"{start}{dash}{end % 100:02d}"))
    name = rng.choice(("Five-Year Plan", "Five-Year Plan period", "five-year plan"))
    if rng.random() < 0.6:
        return f"{ordinal(rng, n)} {name} ({span})"
    return f"{ordinal(rng, n)} {name}"


def fiscal_period(ctx: Ctx) -> str:
    rng = ctx.rng
    y = ctx.year + rng.choice((0, 1))
    return rng.choice(("this year", f"in {y}", f"for {y}", f"in fiscal {y}", f"for FY{y}",
                       f"in the {y}-{(y + 1) % 100:02d} financial year", "next year",
                       f"over the next {NUMBER_WORDS[rng.randint(2, 5)]} years"))  # fmt: skip


# --------------------------------------------------------------------------- slots


def _slot_count(ctx: Ctx, arg: str) -> str:
    """{N:lo-hi noun|alt noun}: a count with its noun."""
    span, _, nouns = arg.partition(" ")
    lo, hi = (int(x) for x in span.split("-"))
    noun = ctx.rng.choice(nouns.split("|")) if nouns else ""
    number = count(ctx.rng, lo, hi)
    if noun.startswith("-"):  # "12-member", "9-strong"
        return f"{number}{noun}"
    return f"{number} {noun}".strip()


def _slot_big(ctx: Ctx, arg: str) -> str:
    """{BIG:lo-hi unit words}: a large quantity with 'million'/'billion' in its unit words."""
    span, _, unit = arg.partition(" ")
    lo, hi = (float(x) for x in span.split("-"))
    return f"{fmt_decimal(ctx.rng, number_in(ctx.rng, lo, hi))} {unit}".strip()


def _slot_num(ctx: Ctx, arg: str) -> str:
    lo, hi = (float(x) for x in arg.split("-"))
    value = number_in(ctx.rng, lo, hi) if hi > lo else lo
    return fmt_decimal(ctx.rng, value) if hi > 100 else f"{value:.{ctx.rng.choice((0, 1))}f}"


def _slot_words(ctx: Ctx, arg: str) -> str:
    """{W:groups|pairs}: a small count in words (six groups)."""
    n = ctx.rng.randint(2, 12)
    word = NUMBER_WORDS[n] if ctx.rng.random() < 0.85 else str(n)
    return f"{word} {ctx.rng.choice(arg.split('|'))}"


def _slot_percent(ctx: Ctx, arg: str) -> str:
    """{P} or {P:lo-hi}: a percentage, by default between 0.1 and 45."""
    if not arg:
        return percent(ctx.rng)
    lo, hi = (float(x) for x in arg.split("-"))
    return percent(ctx.rng, lo, hi)


def _slot_change(ctx: Ctx, _: str) -> str:
    rng = ctx.rng
    up = rng.random() < 0.6
    pct = percent(rng, 0.1, 35.0)
    return rng.choice((
        f"{'up' if up else 'down'} {pct} year on year", f"{'up' if up else 'down'} {pct} from a year earlier",
        f"a {pct} {'increase' if up else 'decrease'}", f"{'an increase' if up else 'a drop'} of {pct}",
        f"{'up' if up else 'down'} {pct}", f"{'rising' if up else 'falling'} {pct} on the year",
        f"{'up' if up else 'down'} {pct} from {ctx.year - 1}",
    ))  # fmt: skip


def _slot_pp_change(ctx: Ctx, _: str) -> str:
    rng = ctx.rng
    return rng.choice((f"{'up' if rng.random() < 0.5 else 'down'} {points(rng)}",
                       f"{points(rng)} {'higher' if rng.random() < 0.5 else 'lower'}",
                       "unchanged"))  # fmt: skip


def _slot_vs(ctx: Ctx, _: str) -> str:
    return ctx.rng.choice(
        ("beating", "above", "below", "short of", "topping", "missing", "against")
    )


def _qualifier(ctx: Ctx, _: str) -> str:
    rng = ctx.rng
    return rng.choice(QUALIFIERS) if rng.random() < 0.75 else ""


def _person(ctx: Ctx, _: str) -> str:
    return f"{ctx.rng.choice(FIRST_NAMES)} {ctx.rng.choice(LAST_NAMES)}"


def _bank_short(ctx: Ctx, _: str) -> str:
    name = ctx.country.bank.removeprefix("the ")
    initials = "".join(w[0] for w in name.split() if w[0].isupper())
    return initials if len(initials) > 1 else name


def _season(ctx: Ctx, _: str) -> str:
    y = ctx.year
    return ctx.rng.choice((f"{y}-{(y + 1) % 100:02d}", f"{y}/{(y + 1) % 100:02d}", f"{y}"))


Slot = Callable[[Ctx, str], str]
SLOTS: dict[str, Slot] = {
    "E": lambda c, a: c.entity,
    "SOE": lambda c, a: c.rng.choice(SOE_SUBJECTS),
    "CLUB": lambda c, a: c.entity if c.domain == "sports" else c.rng.choice(CLUBS),
    "LEAGUE": lambda c, a: c.rng.choice(LEAGUES),
    "C": lambda c, a: c.country.name,
    "Cadj": lambda c, a: c.country.adjective,
    "CITY": lambda c, a: c.rng.choice(c.country.cities).title(),
    "AGENCY": lambda c, a: c.country.agency,
    "AGENCY_ENERGY": lambda c, a: c.rng.choice(ENERGY_AGENCIES),
    "BANK": lambda c, a: c.country.bank,
    "BANK_SHORT": _bank_short,
    "M": lambda c, a: money(c, a or "bn"),
    "USD": lambda c, a: money(c, a or "bn", "USD"),
    "X": lambda c, a: money(c, a or "bn", c.rng.choice(tuple(CURRENCIES))),
    "P": _slot_percent,
    "PR": lambda c, a: percent_range(c.rng),
    "PP": lambda c, a: points(c.rng),
    "PPCHG": _slot_pp_change,
    "CHG": _slot_change,
    "vs": _slot_vs,
    "Q": _qualifier,
    "N": _slot_count,
    "BIG": _slot_big,
    "NUM": _slot_num,
    "W": _slot_words,
    "ORD": lambda c, a: ordinal(c.rng),
    "Y": lambda c, a: str(c.year),
    "PY": lambda c, a: str(c.year - c.rng.choice((1, 1, 2, 3, 5, 10))),
    "NY": lambda c, a: str(c.year + 1),
    "OLDYEAR": lambda c, a: str(c.rng.randint(1978, 2012)),
    "FUTURE": lambda c, a: str(c.rng.choice((2027, 2030, 2030, 2035, 2050, 2060))),
    "D": lambda c, a: date_phrase(c),
    "MONTH": lambda c, a: c.rng.choice(MONTHS),
    "PER": lambda c, a: period(c),
    "PER_SHORT": lambda c, a: period(c).removeprefix("in the ").removeprefix("in "),
    "FYPER": lambda c, a: fiscal_period(c),
    "FYP": lambda c, a: five_year_plan(c),
    "quarter": lambda c, a: quarter(c),
    "SEASON": _season,
    "PERSON": _person,
    "TITLE": lambda c, a: c.rng.choice(TITLES),
    "ORG": lambda c, a: c.rng.choice(ORGS),
    "OUTLET": lambda c, a: c.outlet,
    "concern": lambda c, a: c.rng.choice(CONCERNS),
    "driver": lambda c, a: c.rng.choice(DRIVERS),
    "goods": lambda c, a: c.rng.choice(GOODS),
}

_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)(?::([^{}]*))?\}")


def render(ctx: Ctx, template: str) -> str:
    """Fill a template: pick one option of each [a|b], then fill each {SLOT:arg}."""
    text = _ALT.sub(lambda m: ctx.rng.choice(m.group(1).split("|")), template)
    text = _SLOT.sub(lambda m: SLOTS[m.group(1)](ctx, m.group(2) or ""), text)
    text = re.sub(r"  +", " ", text).replace(" ,", ",").replace("( ", "(")
    return text[0].upper() + text[1:] if text and text[0].islower() else text


# --------------------------------------------------------------------------- article parts


def headline(ctx: Ctx) -> str:
    text = render(ctx, ctx.rng.choice(DOMAINS[ctx.domain]["headlines"]))
    if ctx.rng.random() < 0.2:
        text = text.title() if ctx.rng.random() < 0.5 else text.upper()
    return text


def header(ctx: Ctx, title: str) -> tuple[list[str], str]:
    """Title, byline and date lines in one outlet's style, and the dateline for the lead."""
    rng = ctx.rng
    d = ctx.date
    city = rng.choice(ctx.country.cities)
    by = f"By {_person(ctx, '')}" + (f" and {_person(ctx, '')}" if rng.random() < 0.3 else "")
    style = rng.randrange(7)
    lines = [title]
    dateline = ""
    if style == 0:  # Reuters
        dateline = f"{city}, {MONTHS_ABBR[d.month - 1]} {d.day} (Reuters) - "
        lines += [by, f"{MONTHS[d.month - 1]} {d.day}, {d.year} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM GMT+8"]  # fmt: skip
    elif style == 1:  # Xinhua
        dateline = f"{city}, {MONTHS[d.month - 1]} {d.day} (Xinhua) -- "
        lines += [f"Source: Xinhua | {d.isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} | Editor: {_person(ctx, '')}"]  # fmt: skip
    elif style == 2:  # AP
        dateline = f"{city} (AP) — "
        lines += [by, f"Updated {rng.randint(1, 12)}:{rng.randint(0, 59):02d} AM EDT, {MONTHS[d.month - 1]} {d.day}, {d.year}"]  # fmt: skip
    elif style == 3:  # China Daily / state media
        lines += [f"{by} | chinadaily.com.cn | Updated: {d.isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"]  # fmt: skip
    elif style == 4:  # newspaper
        lines += [by, f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year} {rng.randint(0, 23):02d}.{rng.randint(0, 59):02d} BST"]  # fmt: skip
    elif style == 5:  # blog
        lines += [f"Posted on {MONTHS[d.month - 1]} {d.day}, {d.year} by {rng.choice(('admin', 'editor', 'staff'))}"]  # fmt: skip
    else:  # Bloomberg-like
        lines += [by, f"{MONTHS[d.month - 1]} {d.day}, {d.year} at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} AM UTC"]  # fmt: skip
        if rng.random() < 0.5:
            lines.append(f"Updated on {MONTHS[d.month - 1]} {d.day}, {d.year}")
    return lines, dateline


def fact_sentence(ctx: Ctx) -> str:
    pool = DOMAINS[ctx.domain]["facts"]
    template = ctx.rng.choice(pool) if ctx.rng.random() < 0.85 else ctx.rng.choice(GENERIC_FACTS)
    return render(ctx, template)


def filler_sentence(ctx: Ctx) -> str:
    return render(ctx, ctx.rng.choice(FILLER))


def paragraph(ctx: Ctx, numeric: float) -> str:
    """One to five sentences, each a fact with probability `numeric`, else filler."""
    rng = ctx.rng
    n = rng.choice((1, 1, 2, 2, 3, 3, 4, 5))
    if rng.random() < 0.08:
        lead = render(ctx, rng.choice(QUOTE_LEADS))
        return f'{lead} "{filler_sentence(ctx)} {fact_sentence(ctx)}"'
    return " ".join(fact_sentence(ctx) if rng.random() < numeric else filler_sentence(ctx)
                    for _ in range(n))  # fmt: skip


def bullets(ctx: Ctx) -> list[str]:
    head = ctx.rng.choice(("Highlights", "Key points", "KEY FACTS", "At a glance", "In numbers"))
    mark = ctx.rng.choice(("- ", "* ", "• ", ""))
    return [head] + [mark + fact_sentence(ctx) for _ in range(ctx.rng.randint(2, 5))]


def related_block(ctx: Ctx) -> list[str]:
    """A 'Related Articles' teaser block: headlines of other stories, some with dates."""
    rng = ctx.rng
    lines = [rng.choice(RELATED_HEADERS)]
    for _ in range(rng.randint(2, 6)):
        other = make_ctx(rng)
        line = headline(other)
        if rng.random() < 0.4:
            line += rng.choice((f" | {date_phrase(other)}", f"\n{rng.randint(1, 23)} hours ago",
                                f"\n{MONTHS[other.date.month - 1]} {other.date.day}, {other.date.year}"))  # fmt: skip
        if rng.random() < 0.3:
            line += "\n" + fact_sentence(other)
        lines.append(line)
    return lines


def furniture(ctx: Ctx, pool: tuple[str, ...]) -> list[str]:
    return [render(ctx, t) for t in ctx.rng.sample(pool, ctx.rng.randint(1, 4))]


def sign_off(ctx: Ctx) -> str:
    rng = ctx.rng
    return rng.choice((
        f"(Reporting by {_person(ctx, '')}; Editing by {_person(ctx, '')})",
        f"Reporting by {_person(ctx, '')} in {rng.choice(ctx.country.cities).title()}; additional reporting by {_person(ctx, '')}",
        f"Editor: {_person(ctx, '')}", f"-- {ctx.outlet}", f"Contact the reporter at {_person(ctx, '').split()[1].lower()}@example.com",
        f"Tags: {ctx.domain}, {ctx.country.name}, {rng.choice(SECTIONS).lower()}",
    ))  # fmt: skip


def json_blob(ctx: Ctx, title: str, words: int) -> str:
    """Trailing JSON-LD metadata, as scraped pages often leave at the end of the text."""
    rng = ctx.rng
    meta = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
        "datePublished": f"{ctx.date.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+08:00",
        "author": {"@type": "Person", "name": _person(ctx, "")}, "wordCount": words,
        "articleSection": rng.choice(SECTIONS), "keywords": [ctx.domain, ctx.country.name, ctx.entity],
        "publisher": {"@type": "Organization", "name": ctx.outlet,
                      "logo": {"@type": "ImageObject", "width": 600, "height": 60}},
        "image": {"url": f"https://example.com/img/{rng.randint(10**6, 10**7)}.jpg", "width": 1200, "height": 675},
        "isAccessibleForFree": rng.random() < 0.5, "commentCount": rng.randint(0, 300),
    }  # fmt: skip
    return json.dumps(meta, ensure_ascii=rng.random() < 0.3, indent=rng.choice((None, 2)))


# --------------------------------------------------------------------------- typography and damage


_RANGE = re.compile(r"(?<![\d-])(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?=%| per| percent|\))")


def smarten(text: str) -> str:
    """Curly quotes, apostrophes, em and en dashes, ellipses: the typography of edited copy."""
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text, flags=re.M)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text)
    text = re.sub(r"(^|\s)'", "\\1\u2018", text, flags=re.M).replace("'", "\u2019")
    text = text.replace(" -- ", " \u2014 ").replace(" - ", " \u2013 ").replace("...", "\u2026")
    return _RANGE.sub("\\1\u2013\\2", text)


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("bench-latin1", _latin1_fallback)


def mojibake(text: str, codec: str = "cp1252") -> str:
    """Text encoded as UTF-8 and decoded as `codec`: â€™ for ’, Â£ for £."""
    return text.encode("utf-8").decode(codec, errors="bench-latin1")


# --------------------------------------------------------------------------- articles


def article(seed: int, index: int) -> str:
    """Article `index` of the corpus for `seed`: the same text on every run."""
    return draw(seed, index)[1]


def draw(seed: int, index: int) -> tuple[str, str]:
    """Article `index` of the corpus for `seed` as (headline, full text)."""
    rng = random.Random(seed * 1_000_003 + index)
    ctx = make_ctx(rng)
    title = headline(ctx)
    head, dateline = header(ctx, title)
    target = int(min(4000, max(250, rng.lognormvariate(6.7, 0.6))))
    numeric = rng.uniform(0.25, 0.8)
    body = [dateline + render(ctx, rng.choice(DOMAINS[ctx.domain]["facts"]))]
    if rng.random() < 0.15:
        body[:0] = bullets(ctx)
    words = len(body[0].split())
    while words < target:
        para = paragraph(ctx, numeric)
        if rng.random() < 0.04:
            para = rng.choice(("Ramifications", "Background", "What comes next", "Market impact",
                               "Table of Contents", "Analysis")) + "\n" + para  # fmt: skip
        body.append(para)
        words += len(para.split())
    return title, assemble(ctx, title, head, body, words)


def assemble(ctx: Ctx, title: str, head: list[str], body: list[str], words: int) -> str:
    """Put the parts in page order and apply typography, line endings and damage."""
    rng = ctx.rng
    parts: list[str] = []
    if rng.random() < 0.35:
        parts += furniture(ctx, FURNITURE_TOP)
    parts += head
    sep = "\n\n" if rng.random() < 0.7 else "\n"
    text = "\n".join(parts) + "\n\n" + sep.join(body)
    tail: list[str] = []
    if rng.random() < 0.5:
        tail.append(sign_off(ctx))
    if rng.random() < 0.3:
        tail += related_block(ctx)
    if rng.random() < 0.5:
        tail += furniture(ctx, FURNITURE_BOTTOM)
    if tail:
        text += "\n\n" + "\n".join(tail)
    curly = rng.random() < 0.35
    if curly:
        text = smarten(text).replace(" billion", rng.choice((" billion", "\u00a0billion")))
    if rng.random() < 0.04:
        text += "\n" + json_blob(ctx, title, words)
    if rng.random() < 0.03:  # mostly cp1252 (â€™), now and then cp874 (โ€™) as in the seeds
        text = mojibake(
            text if curly else smarten(text), "cp1252" if rng.random() < 0.8 else "cp874"
        )
    text += "\n"
    return text.replace("\n", "\r\n") if rng.random() < 0.05 else text


def slug(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower())[:6]
    return "-".join(words) or "article"


# --------------------------------------------------------------------------- corpus on disk


def manifest_for(out: Path) -> dict[str, object] | None:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_current(out: Path, size_mb: float, seed: int) -> bool:
    """True when `out` already holds the corpus this generator would build."""
    meta = manifest_for(out)
    if meta is None:
        return False
    wanted = {"version": GENERATOR_VERSION, "seed": seed, "size_mb": size_mb}
    same = all(meta.get(key) == value for key, value in wanted.items())
    return same and meta.get("files") == len(corpus_files(out))


def build(out: Path, size_mb: float = DEFAULT_SIZE_MB, seed: int = DEFAULT_SEED) -> Path:
    """Write the corpus into `out` (replacing what is there) unless it is already current."""
    if is_current(out, size_mb, seed):
        return out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    target = int(size_mb * MIB)
    total = index = 0
    while total < target:
        title, text = draw(seed, index)
        data = text.encode("utf-8")
        name = f"{index:05d}-{slug(title)}.txt"
        (out / name).write_bytes(data)
        total += len(data)
        index += 1
    meta = {"version": GENERATOR_VERSION, "seed": seed, "size_mb": size_mb, "files": index,
            "bytes": total}  # fmt: skip
    (out / MANIFEST).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return out


def default_dir(size_mb: float, seed: int) -> Path:
    return DEFAULT_DIR / f"seed{seed}-{size_mb:g}mb"


def corpus_files(out: Path) -> list[Path]:
    """The article files of a built corpus, in a stable order."""
    return sorted(out.glob("*.txt"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size-mb", type=float, default=DEFAULT_SIZE_MB, help="corpus size in MiB")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="directory (default: bench/.corpus/seedS-Nmb)")
    args = parser.parse_args(argv)
    out = args.out or default_dir(args.size_mb, args.seed)
    start = time.perf_counter()
    build(out, args.size_mb, args.seed)
    meta = manifest_for(out) or {}
    print(f"{out}: {meta.get('files')} files, {meta.get('bytes')} bytes "
          f"({time.perf_counter() - start:.1f} s)", file=sys.stderr)  # fmt: skip


if __name__ == "__main__":
    main()
