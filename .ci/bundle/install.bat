@echo off
rem gongwen @VERSION@ offline install for Windows: a venv in %LOCALAPPDATA%\gongwen from the wheels
rem beside this file (no network), and a "gongwen" shortcut on the desktop. Running it again upgrades.
rem The bundle writes this file in GBK, the code page cmd.exe reads on Chinese Windows.
setlocal EnableExtensions
title 安装 gongwen @VERSION@
set "HERE=%~dp0"
set "WHEELS=%HERE%wheels"
set "PREFIX=%LOCALAPPDATA%\gongwen"
set "VENV=%PREFIX%\venv"
set "WORK=%USERPROFILE%\Documents\gongwen"
rem Only the wheels beside this file: no index, no user pip settings.
set "PIP_CONFIG_FILE=NUL"
set "PIP_INDEX_URL="
set "PIP_EXTRA_INDEX_URL="
set "PIP_FIND_LINKS="
set "PIP_DISABLE_PIP_VERSION_CHECK=1"
set "PIP_NO_INPUT=1"

echo == 安装 gongwen @VERSION@（离线，不需要网络）
echo 如果 gongwen 正在运行，请先关闭它的窗口。
if not exist "%WHEELS%\" (
  echo 找不到 wheels 文件夹。请先把整个压缩包解压，再双击解压出来的 install.bat。
  goto :failed
)

rem Python @PYMIN@-@PYMAX@, 64-bit: the py launcher first (newest supported version), else python on PATH
set "PY="
set "CHECK=import struct, sys, venv; sys.exit(not ((@PYMIN_TUPLE@) <= sys.version_info[:2] <= (@PYMAX_TUPLE@) and struct.calcsize('P') == 8))"
for %%v in (@PYTHONS@) do (
  if not defined PY (
    py -%%v -c "%CHECK%" >nul 2>&1 && set "PY=py -%%v"
  )
)
if not defined PY (
  python -c "%CHECK%" >nul 2>&1 && set "PY=python"
)
if not defined PY (
  echo 没有找到可用的 Python @PYMIN@ 到 @PYMAX@（64 位）。
  echo 请先安装 Python（单位软件库或 python.org 的 Windows installer 64-bit），
  echo 安装时勾选“Add python.exe to PATH”，装好后再双击 install.bat。
  goto :failed
)
echo 使用 Python：%PY%

rem The venv: kept when it still works (re-running upgrades), made anew when its Python is gone.
"%VENV%\Scripts\python.exe" -c "%CHECK%" >nul 2>&1
if errorlevel 1 (
  echo 创建运行环境：%VENV%
  if exist "%VENV%\" rmdir /s /q "%VENV%"
  if not exist "%PREFIX%\" mkdir "%PREFIX%"
  %PY% -m venv "%VENV%"
) else (
  echo 升级已有安装：%VENV%
)
if not exist "%VENV%\Scripts\python.exe" (
  echo 无法创建运行环境：%VENV%
  goto :failed
)
"%VENV%\Scripts\python.exe" -m pip install -q --no-index --find-links "%WHEELS%" --upgrade pip >nul 2>&1
"%VENV%\Scripts\python.exe" -m pip install -q --no-index --find-links "%WHEELS%" --upgrade "gongwen@EXTRAS@"
if errorlevel 1 (
  echo 从 wheels 文件夹安装 gongwen 失败（见上面的信息）。
  goto :failed
)
"%VENV%\Scripts\gongwen.exe" --version >nul 2>&1
if errorlevel 1 (
  echo gongwen 装好了却无法运行。
  goto :failed
)

rem Where writing starts: a folder with the examples (never overwrites the writer's files)
if not exist "%WORK%\示例\" mkdir "%WORK%\示例"
for %%f in ("%HERE%示例\*.yaml") do (
  if not exist "%WORK%\示例\%%~nxf" copy /y "%%f" "%WORK%\示例\" >nul
)

rem The launcher: the web page (gongwen serve); when it cannot start, a console with gongwen's help
set "START=%PREFIX%\gongwen-start.bat"
> "%START%" echo @echo off
>> "%START%" echo cd /d "%WORK%"
>> "%START%" echo set "PATH=%VENV%\Scripts;%%PATH%%"
>> "%START%" echo gongwen serve
>> "%START%" echo if not errorlevel 1 goto :eof
>> "%START%" echo echo.
>> "%START%" echo echo 网页版没有启动，改用命令行窗口。
>> "%START%" echo gongwen --help
>> "%START%" echo echo.
>> "%START%" echo echo 在这个窗口里输入 gongwen 命令，例如：gongwen build 示例\notice.yaml
>> "%START%" echo cmd /k

rem The desktop shortcut gongwen.lnk (the real desktop folder, also when it lives in OneDrive);
rem a gongwen.bat on the desktop when PowerShell cannot make a shortcut.
set "DESK="
for /f "usebackq delims=" %%d in (`powershell -NoProfile -Command "[Environment]::GetFolderPath('Desktop')"`) do set "DESK=%%d"
if not defined DESK set "DESK=%USERPROFILE%\Desktop"
if exist "%DESK%\gongwen.bat" del "%DESK%\gongwen.bat"
powershell -NoProfile -ExecutionPolicy Bypass -Command "$s = (New-Object -ComObject WScript.Shell).CreateShortcut($env:DESK + '\gongwen.lnk'); $s.TargetPath = $env:START; $s.WorkingDirectory = $env:WORK; $s.Description = 'gongwen'; $s.Save()" >nul 2>&1
if not exist "%DESK%\gongwen.lnk" copy /y "%START%" "%DESK%\gongwen.bat" >nul

echo.
echo 安装完成。双击桌面上的「gongwen」开始写作；示例在 %WORK%\示例
echo 以后有新版本，解压新的压缩包后再双击 install.bat 即可升级。
pause
exit /b 0

:failed
echo 安装未完成。
pause
exit /b 1
