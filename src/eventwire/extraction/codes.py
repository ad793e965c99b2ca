"""From a CAMEO code to every coded field: PLOVER type and mode, quad class, intensity.

Also the modality mappings of the CAMEO codebook: an announced plan to do X is coded as the
intent to do X (root 03), and a conditional threat to do X as the matching threat (root 13).
"""

from __future__ import annotations

import functools

from eventwire.ontology import cameo_code, cameo_codes, plover_for_cameo

# Intent codes (root 03) for the cooperative roots, by root and for the sub-codes that exist.
_INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": None}
_INTENT_BY_CODE = {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331",
                   "072": "0332", "073": "0333", "074": "0334", "081": "0351", "0811": "0351",
                   "082": "0352", "083": "034", "084": "0353", "0841": "0353", "0842": "0353",
                   "085": "0354", "086": "0355", "0861": "0355", "0862": "0355", "0863": "0355",
                   "087": "0356", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344"}
_THREAT_BY_ROOT = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "1383", "19": "1384",
                   "20": "1385", "12": None, "13": None, "11": None, "10": None, "09": None}
_THREAT_BY_CODE = {"161": "1313", "162": "1311", "163": "1312", "164": "1313", "166": "1313",
                   "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
                   "191": "1381", "192": "1382", "195": "1384", "196": "1384"}
# Appeal codes (root 02): "X urged Y to withdraw" codes the appeal for the embedded action.
_APPEAL_BY_ROOT = {"03": "020", "04": "026", "05": "022", "06": "021", "07": "023", "08": "025",
                   "02": None}
_APPEAL_BY_CODE = {"081": "0251", "082": "0252", "083": "024", "084": "0253", "0841": "0253",
                   "0842": "0253", "085": "0254", "086": "0255", "0861": "0255", "0862": "0255",
                   "0863": "0255", "087": "0256", "0871": "0256", "0872": "0256", "0873": "0256",
                   "0874": "0256", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
                   "061": "0211", "062": "0212", "063": "0213", "064": "0214", "046": "026",
                   "045": "028", "057": "027", "0831": "0241", "0832": "0242", "0833": "0243",
                   "0834": "0244"}
# Rejection codes (root 12): "X will not provide aid to Y", "X refused to meet Y".
_REJECT_BY_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "121", "08": "124",
                   "02": "120", "12": None}
_REJECT_BY_CODE = {"061": "1211", "062": "1212", "063": "1213", "064": "1214", "057": "127",
                   "045": "126", "081": "1241", "082": "1242", "083": "123", "084": "1243",
                   "0841": "1243", "0842": "1243", "085": "1244", "086": "1245", "0861": "1245",
                   "0862": "1245", "0863": "1245", "087": "1246", "0831": "1231", "0832": "1232",
                   "0833": "1233", "0834": "1234"}
# PLOVER has no statement type; appeals (root 02) are what PLOVER calls REQUEST.
_PLOVER_FALLBACK = {"02": ("REQUEST", None)}


def intent_code(code: str) -> str:
    """The 'express intent to ...' code for an announced action (unchanged if none applies)."""
    return _mapped(code, _INTENT_BY_CODE, _INTENT_BY_ROOT)


def appeal_code(code: str) -> str:
    """The 'appeal for ...' code for an action someone asks or says must happen."""
    return _mapped(code, _APPEAL_BY_CODE, _APPEAL_BY_ROOT)


def demand_code(appeal: str) -> str:
    """The demand (root 10) parallel to an appeal code: CAMEO numbers the two roots alike
    (0253 appeal for release of persons <-> 1053 demand release of persons)."""
    if appeal[:2] != "02":
        return appeal
    parallel = "10" + appeal[2:]
    known = cameo_codes()
    return next((c for c in (parallel, parallel[:3]) if c in known), "100")


def reject_code(code: str) -> str:
    """The 'refuse/reject ...' code for a cooperative action someone will not take."""
    return _mapped(code, _REJECT_BY_CODE, _REJECT_BY_ROOT)


def threat_code(code: str) -> str:
    """The 'threaten to ...' code for a threatened action."""
    mapped = _mapped(code, _THREAT_BY_CODE, _THREAT_BY_ROOT)
    return mapped if mapped[:2] == "13" or code[:2] in _THREAT_BY_ROOT else "130"


def _mapped(code: str, by_code: dict, by_root: dict) -> str:
    known = cameo_codes()
    for key in (code, code[:3]):
        if key in by_code and by_code[key] in known:
            return by_code[key]
    root = by_root.get(code[:2])
    return root if root and root in known else code


@functools.lru_cache(maxsize=1024)
def _fields(code: str) -> tuple:
    c = cameo_code(code)
    mapping = plover_for_cameo(code)
    if mapping is not None:
        plover, mode = mapping.event_type, mapping.mode
    else:
        plover, mode = _PLOVER_FALLBACK.get(code[:2], (None, None))
    return plover, mode, c.quad_class, c.goldstein


def code_fields(code: str) -> dict:
    """The event fields that follow from a CAMEO code."""
    plover, mode, quad, intensity = _fields(code)
    return {"cameo": code, "plover": plover, "mode": mode or None, "quad": quad, "intensity": intensity}
