; 重点项目调度台 (Key Project Desk) — Windows installer, Inno Setup 6.
;
; Built by .github/workflows/installers.yml on windows-latest; by hand, from the repository root:
;   uv run --group build pyinstaller installers/keyprojects.spec --noconfirm
;   ISCC /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0.0 installers\windows\keyprojects.iss
; (the version comes from `python installers/buildinfo.py version`). ChineseSimplified.isl, Inno
; Setup's Simplified Chinese messages, is not part of Inno Setup's default install: the workflow
; puts it next to this script; see installers/README.md.
;
; What the user gets: a per-user install without administrator rights in
; %LOCALAPPDATA%\Programs\KeyProjectDesk, Start-menu and (optional) desktop shortcuts, and an
; uninstaller that removes the program but never the ledger, which the app keeps in
; %LOCALAPPDATA%\LiaoyuanDRC\keyprojects (platformdirs' user data folder).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (python installers/buildinfo.py version)
#endif
#ifndef AppNumericVersion
  #define AppNumericVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\keyprojects"
#endif
#if !FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #error ChineseSimplified.isl is missing next to keyprojects.iss: see installers/README.md
#endif

#define AppName "重点项目调度台"
#define AppNameEn "Key Project Desk"
#define AppPublisher "辽源市发展和改革委员会 重点项目办"
#define AppExe "keyprojects-gui.exe"
#define DataDir "{localappdata}\LiaoyuanDRC\keyprojects"

[Setup]
; AppId identifies the program across versions (upgrades, uninstall): never change it.
AppId={{5E0C7A3B-2F4D-4B8E-9A61-7D3C2B9E4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppComments={#AppNameEn}
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序 / {#AppNameEn} Setup
; Per-user: no UAC prompt; {autopf} is %LOCALAPPDATA%\Programs in this mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\KeyProjectDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes
SetupIconFile=..\..\resources\icons\keyprojects.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=keyprojects-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes

[Languages]
; The first entry is the default when Windows' UI language matches neither.
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DataKept=程序已卸载。%n%n您的台账数据仍保存在：%n%1%n%n如不再需要，可手动删除该文件夹。
english.DataKept=The program has been removed.%n%nYour ledger data is still in:%n%1%n%nDelete that folder yourself if you no longer need it.
chinesesimplified.AppComment=重点项目台账、月度调度与调度会报表
english.AppComment=Key project ledger, monthly scheduling and meeting reports

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes exactly what [Files] installed, and the ledger
; folder {#DataDir} is outside {app}.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{#DataDir}');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
