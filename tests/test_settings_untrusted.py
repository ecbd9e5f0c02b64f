"""Settings and office templates that someone else put in a shared folder are refused, not used.

Another user puts ``gongwen.yaml`` and ``templates/speech.docx`` in a
world-writable folder (``/tmp``, a shared drive); a build in a private
sub-folder used them silently.  Now build refuses with a message naming the
file and the fix, lint says ``设置有误`` and goes on with the defaults, and
the normal case — your own files in your own folders — is untouched.

Files owned by another user are made with ``os.chown`` (the tests run as
root here); those cases are skipped for anyone else.
"""

from __future__ import annotations

import os
import shutil
import zipfile

import pytest

from gongwen.builder.templates import builtin_dir, resolve_template

from tests.settings_helpers import SPEECH, output, run_gongwen

pytestmark = pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0,
                                reason="POSIX, and os.chown to another user needs root")
OTHER = 54321
HOUSE = "faces:\n  body: 仿宋\n"


def shared_folder(tmp_path, mode=0o1777):
    """A folder like /tmp (or a shared drive when ``mode`` is 0o777) with a private sub-folder of yours."""
    shared = tmp_path / "shared"
    work = shared / "me" / "2024"
    work.mkdir(parents=True)
    (shared / "me").chmod(0o700)
    shared.chmod(mode)
    (work / "speech.yaml").write_text(SPEECH, encoding="utf-8")
    return shared, work


def plant(path, data, uid=OTHER, mode=0o644):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    path.chmod(mode)
    os.chown(path, uid, -1)
    return path


def body_face(docx) -> bool:
    with zipfile.ZipFile(docx) as z:
        return 'w:eastAsia="仿宋"' in z.read("word/styles.xml").decode("utf-8")


def test_settings_another_user_put_in_a_shared_folder_are_refused(tmp_path):
    shared, work = shared_folder(tmp_path)
    planted = plant(shared / "gongwen.yaml", HOUSE)
    result = run_gongwen("build", "speech.yaml", "-o", "out", cwd=work)
    text = output(result)
    assert result.returncode == 1 and "Traceback" not in text, text
    assert f"{planted}: 设置文件属于其他用户" in text and "复制到只有你能修改的文件夹" in text
    assert not (work / "out" / "speech.docx").exists()
    lint = run_gongwen("lint", "speech.yaml", cwd=work)
    assert "设置有误" in output(lint) and str(planted) in output(lint) and "检查了 1 个文件" in output(lint)


def test_your_own_settings_in_a_folder_anyone_can_write_are_refused(tmp_path):
    shared, work = shared_folder(tmp_path, mode=0o777)  # no sticky bit: anyone may swap the file
    plant(shared / "gongwen.yaml", HOUSE, uid=0)
    text = output(run_gongwen("build", "speech.yaml", "-o", "out", cwd=work))
    assert "任何人都可以写入" in text and "没有粘滞位" in text and "未生成" in text, text


def test_settings_anyone_can_change_are_refused(tmp_path):
    _, work = shared_folder(tmp_path)
    plant(work / "gongwen.yaml", HOUSE, uid=0, mode=0o666)
    text = output(run_gongwen("build", "speech.yaml", "-o", "out", cwd=work))
    assert "任何人都可以修改" in text and "未生成" in text, text


def test_a_template_another_user_put_beside_the_settings_is_refused(tmp_path):
    shared, work = shared_folder(tmp_path)
    plant(shared / "gongwen.yaml", HOUSE, uid=0)  # settings root may own: trusted
    planted = plant(shared / "templates" / "speech.docx", (builtin_dir() / "speech.docx").read_bytes())
    result = run_gongwen("build", "speech.yaml", "-o", "out", cwd=work)
    text = output(result)
    assert result.returncode == 1, text
    assert f"{planted}: 本单位模板属于其他用户" in text and "--template" in text, text
    # named by the user, the same file is the user's choice
    named = run_gongwen("build", "speech.yaml", "-o", "out", "--template", planted, cwd=work)
    assert named.returncode == 0, output(named)


def test_a_template_planted_in_the_current_folder_is_refused(tmp_path):
    shared, work = shared_folder(tmp_path)
    plant(shared / "templates" / "speech.docx", (builtin_dir() / "speech.docx").read_bytes())
    result = run_gongwen("build", "me/2024/speech.yaml", "-o", "me/out", cwd=shared)
    assert result.returncode == 1 and "本单位模板属于其他用户" in output(result), output(result)


def test_your_own_settings_and_templates_are_used_as_before(tmp_path):
    shared, work = shared_folder(tmp_path)
    office = shared / "me"
    plant(office / "gongwen.yaml", HOUSE, uid=0)
    template = office / "templates" / "speech.docx"
    template.parent.mkdir()
    shutil.copy(builtin_dir() / "speech.docx", template)
    result = run_gongwen("build", "speech.yaml", "-o", "out", cwd=work)
    assert result.returncode == 0, output(result)
    assert body_face(work / "out" / "speech.docx")
    assert resolve_template("speech", work / "speech.yaml") == str(template)


def test_the_search_stops_at_the_home_folder(tmp_path):
    """Settings above your home folder are not yours to take: they are not looked for."""
    home = tmp_path / "home"
    work = home / "2024"
    work.mkdir(parents=True)
    (work / "speech.yaml").write_text(SPEECH, encoding="utf-8")
    plant(tmp_path / "gongwen.yaml", HOUSE)  # would be refused if it were found
    result = run_gongwen("build", "speech.yaml", "-o", "out", cwd=work, HOME=str(home))
    assert result.returncode == 0, output(result)
    assert not body_face(work / "out" / "speech.docx")
