// Code generated from Debian iso-codes (iso_3166-1.json) and the Europass
// XML v3.4.1 schema (included/EuropassISOCountries_V1.7.0.xsd); DO NOT EDIT.

package europass

// alpha3 maps the ISO 3166-1 alpha-2 country codes to alpha-3, the codes of
// the EU country authority table that ELM concept URIs end in.
var alpha3 = map[string]string{
	"AD": "AND", "AE": "ARE", "AF": "AFG", "AG": "ATG", "AI": "AIA", "AL": "ALB", "AM": "ARM",
	"AO": "AGO", "AQ": "ATA", "AR": "ARG", "AS": "ASM", "AT": "AUT", "AU": "AUS", "AW": "ABW",
	"AX": "ALA", "AZ": "AZE", "BA": "BIH", "BB": "BRB", "BD": "BGD", "BE": "BEL", "BF": "BFA",
	"BG": "BGR", "BH": "BHR", "BI": "BDI", "BJ": "BEN", "BL": "BLM", "BM": "BMU", "BN": "BRN",
	"BO": "BOL", "BQ": "BES", "BR": "BRA", "BS": "BHS", "BT": "BTN", "BV": "BVT", "BW": "BWA",
	"BY": "BLR", "BZ": "BLZ", "CA": "CAN", "CC": "CCK", "CD": "COD", "CF": "CAF", "CG": "COG",
	"CH": "CHE", "CI": "CIV", "CK": "COK", "CL": "CHL", "CM": "CMR", "CN": "CHN", "CO": "COL",
	"CR": "CRI", "CU": "CUB", "CV": "CPV", "CW": "CUW", "CX": "CXR", "CY": "CYP", "CZ": "CZE",
	"DE": "DEU", "DJ": "DJI", "DK": "DNK", "DM": "DMA", "DO": "DOM", "DZ": "DZA", "EC": "ECU",
	"EE": "EST", "EG": "EGY", "EH": "ESH", "ER": "ERI", "ES": "ESP", "ET": "ETH", "FI": "FIN",
	"FJ": "FJI", "FK": "FLK", "FM": "FSM", "FO": "FRO", "FR": "FRA", "GA": "GAB", "GB": "GBR",
	"GD": "GRD", "GE": "GEO", "GF": "GUF", "GG": "GGY", "GH": "GHA", "GI": "GIB", "GL": "GRL",
	"GM": "GMB", "GN": "GIN", "GP": "GLP", "GQ": "GNQ", "GR": "GRC", "GS": "SGS", "GT": "GTM",
	"GU": "GUM", "GW": "GNB", "GY": "GUY", "HK": "HKG", "HM": "HMD", "HN": "HND", "HR": "HRV",
	"HT": "HTI", "HU": "HUN", "ID": "IDN", "IE": "IRL", "IL": "ISR", "IM": "IMN", "IN": "IND",
	"IO": "IOT", "IQ": "IRQ", "IR": "IRN", "IS": "ISL", "IT": "ITA", "JE": "JEY", "JM": "JAM",
	"JO": "JOR", "JP": "JPN", "KE": "KEN", "KG": "KGZ", "KH": "KHM", "KI": "KIR", "KM": "COM",
	"KN": "KNA", "KP": "PRK", "KR": "KOR", "KW": "KWT", "KY": "CYM", "KZ": "KAZ", "LA": "LAO",
	"LB": "LBN", "LC": "LCA", "LI": "LIE", "LK": "LKA", "LR": "LBR", "LS": "LSO", "LT": "LTU",
	"LU": "LUX", "LV": "LVA", "LY": "LBY", "MA": "MAR", "MC": "MCO", "MD": "MDA", "ME": "MNE",
	"MF": "MAF", "MG": "MDG", "MH": "MHL", "MK": "MKD", "ML": "MLI", "MM": "MMR", "MN": "MNG",
	"MO": "MAC", "MP": "MNP", "MQ": "MTQ", "MR": "MRT", "MS": "MSR", "MT": "MLT", "MU": "MUS",
	"MV": "MDV", "MW": "MWI", "MX": "MEX", "MY": "MYS", "MZ": "MOZ", "NA": "NAM", "NC": "NCL",
	"NE": "NER", "NF": "NFK", "NG": "NGA", "NI": "NIC", "NL": "NLD", "NO": "NOR", "NP": "NPL",
	"NR": "NRU", "NU": "NIU", "NZ": "NZL", "OM": "OMN", "PA": "PAN", "PE": "PER", "PF": "PYF",
	"PG": "PNG", "PH": "PHL", "PK": "PAK", "PL": "POL", "PM": "SPM", "PN": "PCN", "PR": "PRI",
	"PS": "PSE", "PT": "PRT", "PW": "PLW", "PY": "PRY", "QA": "QAT", "RE": "REU", "RO": "ROU",
	"RS": "SRB", "RU": "RUS", "RW": "RWA", "SA": "SAU", "SB": "SLB", "SC": "SYC", "SD": "SDN",
	"SE": "SWE", "SG": "SGP", "SH": "SHN", "SI": "SVN", "SJ": "SJM", "SK": "SVK", "SL": "SLE",
	"SM": "SMR", "SN": "SEN", "SO": "SOM", "SR": "SUR", "SS": "SSD", "ST": "STP", "SV": "SLV",
	"SX": "SXM", "SY": "SYR", "SZ": "SWZ", "TC": "TCA", "TD": "TCD", "TF": "ATF", "TG": "TGO",
	"TH": "THA", "TJ": "TJK", "TK": "TKL", "TL": "TLS", "TM": "TKM", "TN": "TUN", "TO": "TON",
	"TR": "TUR", "TT": "TTO", "TV": "TUV", "TW": "TWN", "TZ": "TZA", "UA": "UKR", "UG": "UGA",
	"UM": "UMI", "US": "USA", "UY": "URY", "UZ": "UZB", "VA": "VAT", "VC": "VCT", "VE": "VEN",
	"VG": "VGB", "VI": "VIR", "VN": "VNM", "VU": "VUT", "WF": "WLF", "WS": "WSM", "YE": "YEM",
	"YT": "MYT", "ZA": "ZAF", "ZM": "ZMB", "ZW": "ZWE",
}

// legacyCountries are the country codes of the Europass XML v3.4 schema
// (EuropassISOCountries_V1.7.0.xsd): ISO 3166-1 alpha-2, except EL for
// Greece and UK for the United Kingdom.
var legacyCountries = map[string]bool{
	"AD": true, "AE": true, "AF": true, "AG": true, "AL": true, "AM": true, "AO": true, "AR": true,
	"AT": true, "AU": true, "AZ": true, "BA": true, "BB": true, "BD": true, "BE": true, "BF": true,
	"BG": true, "BH": true, "BI": true, "BJ": true, "BN": true, "BO": true, "BR": true, "BS": true,
	"BT": true, "BW": true, "BY": true, "BZ": true, "CA": true, "CD": true, "CF": true, "CG": true,
	"CH": true, "CI": true, "CL": true, "CM": true, "CN": true, "CO": true, "CR": true, "CU": true,
	"CV": true, "CY": true, "CZ": true, "DE": true, "DJ": true, "DK": true, "DM": true, "DO": true,
	"DZ": true, "EC": true, "EE": true, "EG": true, "EL": true, "ER": true, "ES": true, "ET": true,
	"FI": true, "FJ": true, "FM": true, "FR": true, "GA": true, "GD": true, "GE": true, "GH": true,
	"GL": true, "GM": true, "GN": true, "GQ": true, "GT": true, "GW": true, "GY": true, "HN": true,
	"HR": true, "HT": true, "HU": true, "ID": true, "IE": true, "IL": true, "IN": true, "IQ": true,
	"IR": true, "IS": true, "IT": true, "JM": true, "JO": true, "JP": true, "KE": true, "KG": true,
	"KH": true, "KI": true, "KM": true, "KN": true, "KP": true, "KR": true, "KW": true, "KZ": true,
	"LA": true, "LB": true, "LC": true, "LI": true, "LK": true, "LR": true, "LS": true, "LT": true,
	"LU": true, "LV": true, "LY": true, "MA": true, "MC": true, "MD": true, "ME": true, "MG": true,
	"MH": true, "MK": true, "ML": true, "MM": true, "MN": true, "MR": true, "MT": true, "MU": true,
	"MV": true, "MW": true, "MX": true, "MY": true, "MZ": true, "NA": true, "NE": true, "NG": true,
	"NI": true, "NL": true, "NO": true, "NP": true, "NR": true, "NU": true, "NZ": true, "OM": true,
	"PA": true, "PE": true, "PG": true, "PH": true, "PK": true, "PL": true, "PS": true, "PT": true,
	"PW": true, "PY": true, "QA": true, "RO": true, "RS": true, "RU": true, "RW": true, "SA": true,
	"SB": true, "SC": true, "SD": true, "SE": true, "SG": true, "SI": true, "SK": true, "SL": true,
	"SM": true, "SN": true, "SO": true, "SR": true, "SS": true, "ST": true, "SV": true, "SY": true,
	"SZ": true, "TD": true, "TG": true, "TH": true, "TJ": true, "TL": true, "TM": true, "TN": true,
	"TO": true, "TR": true, "TT": true, "TV": true, "TZ": true, "UA": true, "UG": true, "UK": true,
	"US": true, "UY": true, "UZ": true, "VA": true, "VC": true, "VE": true, "VN": true, "VU": true,
	"WS": true, "XK": true, "YE": true, "ZA": true, "ZM": true, "ZW": true,
}
